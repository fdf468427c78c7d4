using System.Text.Json;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Persistence;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Persistence;

public class LedgerSnapshotProperties
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 500)]
    public Property A_ledger_restored_from_a_snapshot_then_given_the_rest_has_the_replayed_balances_entries_and_withdrawals() =>
        Prop.ForAll(CommissionGenerators.Scenarios, Gen.Choose(0, 3).ArrayOf(12).ToArbitrary(), Gen.Choose(1, 100_000).ArrayOf(13).ToArbitrary(), (s, steps, amounts) =>
        {
            var clock = new FakeTimeProvider(Start);
            var options = new LedgerOptions { WithdrawalFee = Rate.FromPercent(0.6m) };
            var (live, events, members) = LedgerHistory.Run(s, steps, amounts, clock, options);
            var at = amounts[12] % (events.Count + 1);

            var json = JsonSerializer.SerializeToUtf8Bytes(CommissionLedger.Replay(events.Take(at), options, clock).ToSnapshot(), CommissionsJsonContext.Default.LedgerSnapshot);
            var restored = CommissionLedger.Restore(JsonSerializer.Deserialize(json, CommissionsJsonContext.Default.LedgerSnapshot)!, options, clock);
            foreach (var e in events.Skip(at))
            {
                restored.Apply(e);
            }

            var replayed = CommissionLedger.Replay(events, options, clock);
            var lines = Enumerable.Range(0, steps.Length).Select(i => $"o{i}");
            return members.All(m => restored.BalanceOf(m) == replayed.BalanceOf(m) && restored.EntriesOf(m).SequenceEqual(replayed.EntriesOf(m)) && restored.BalanceOf(m) == live.BalanceOf(m))
                && restored.PendingWithdrawals().SequenceEqual(replayed.PendingWithdrawals())
                && lines.All(l => restored.HasOrderLine(l) == replayed.HasOrderLine(l))
                && Json(restored) == Json(replayed);
        });

    private static string Json(CommissionLedger ledger) => JsonSerializer.Serialize(ledger.ToSnapshot(), CommissionsJsonContext.Default.LedgerSnapshot);
}
