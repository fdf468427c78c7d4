using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Generators;

/// <summary>A random ledger history: accruals, refunds (each twice, commissionable or not), withdrawals paid or rejected, and time passing.</summary>
public static class LedgerHistory
{
    /// <summary>Runs the steps on a new ledger and returns it with every event it returned and the members of the network.</summary>
    public static (CommissionLedger Ledger, List<IDomainEvent> Events, MemberId[] Members) Run(Scenario s, int[] steps, int[] amounts, FakeTimeProvider clock, LedgerOptions options)
    {
        var ledger = new CommissionLedger(options, clock);
        var events = new List<IDomainEvent>();
        var calculator = new CommissionCalculator(s.Plan);
        var members = Enumerable.Range(0, s.Earners.Network.Count).Select(s.Earners.Network.MemberAt).ToArray();
        for (var i = 0; i < steps.Length; i++)
        {
            var member = members[amounts[i] % members.Length];
            var currency = s.Order.AmountPaid.Currency;
            switch (steps[i])
            {
                case 0:
                    events.AddRange(ledger.Accrue(calculator.Calculate(s.Order with { OrderLineId = $"o{i}", Buyer = member, AmountPaid = Money.FromMinorUnits(amounts[i], currency) }, s.Earners), clock.GetUtcNow()));
                    break;
                case 1:
                    // Every line, commissionable or not, and every refund twice: an integrator stores whatever comes back.
                    var line = $"o{amounts[i] % (i + 1)}";
                    try
                    {
                        events.AddRange(ledger.Refund(line, $"r{i}", Money.FromMinorUnits(1 + amounts[i] % 500, currency)).Events);
                        events.AddRange(ledger.Refund(line, $"r{i}", Money.FromMinorUnits(1 + amounts[i] % 500, currency)).Events);
                    }
                    catch (CommissionException e) when (e.ErrorCode == CommissionErrorCodes.RefundExceedsPaid)
                    {
                    }

                    break;
                case 2:
                    var available = ledger.BalanceOf(member).Available;
                    if (available.IsPositive)
                    {
                        events.Add(ledger.RequestWithdrawal($"w{i}", member, available)!);
                        events.AddRange(ledger.TryRequestWithdrawal($"w{i}", member, available).GetValueOrThrow().Event is { } twice ? [twice] : []);
                        events.Add(amounts[i] % 2 == 0 ? ledger.MarkWithdrawalPaid($"w{i}") : ledger.RejectWithdrawal($"w{i}", "test"));
                        if (ledger.RequestWithdrawal($"w{i}", member, available) is { } afterSettlement)
                        {
                            events.Add(afterSettlement);
                        }
                    }

                    break;
                default:
                    clock.Advance(TimeSpan.FromDays(amounts[i] % 10));
                    break;
            }
        }

        return (ledger, events, members);
    }
}
