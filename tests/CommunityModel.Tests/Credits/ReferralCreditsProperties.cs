using CommunityModel.Credits;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>Invariants of the credits ledger over random earnings, redemptions, refunds, expiries and the passing of time.</summary>
public class ReferralCreditsProperties
{
    private static readonly string[] Items = ["vip", "ka", "bootcamp", "trial-class"];
    private static readonly decimal[] Prices = [3600m, 120000m, 199m, 9.90m];

    private static Arbitrary<(int Kind, int A, int B)[]> Scripts { get; } =
        Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(0, 1000).SelectMany(a => Gen.Choose(0, 1000).Select(b => (kind, a, b))))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Credits_are_conserved_per_member_and_the_events_account_for_every_credit() =>
        Prop.ForAll(Scripts, script =>
        {
            var clock = new FakeTimeProvider(CreditsFixture.Start);
            var ledger = CreditsFixture.Ledger(clock);
            var events = Run(ledger, clock, script);

            foreach (var account in ledger.Accounts)
            {
                Assert.Equal(account.Earned, account.Redeemed + account.Expired + account.Reversed + account.Balance);
                Assert.True(account.Debt == 0 || account.Lots.IsEmpty, $"member {account.Member} holds lots and a debt of {account.Debt}");
                Assert.All(account.Lots, l => Assert.True(l.Remaining > 0));
                Assert.Equal(Sum<CreditsEarned>(events, account.Member, e => e.Credits), account.Earned);
                Assert.Equal(Sum<CreditsRedeemed>(events, account.Member, e => e.Credits), account.Redeemed);
                Assert.Equal(Sum<CreditsExpired>(events, account.Member, e => e.Credits), account.Expired);
                Assert.Equal(Sum<CreditsReversed>(events, account.Member, e => e.Credits), account.Reversed);
            }
        });

    [Property(MaxTest = 300)]
    public Property The_state_after_any_requests_equals_the_replay_of_their_events() =>
        Prop.ForAll(Scripts, script =>
        {
            var clock = new FakeTimeProvider(CreditsFixture.Start);
            var ledger = CreditsFixture.Ledger(clock);
            var events = Run(ledger, clock, script);

            var replayed = ReferralCredits.Replay(events, CreditsFixture.Ledger(clock));

            Assert.Equal(CreditsJson.Of(ledger.ToSnapshot()), CreditsJson.Of(replayed.ToSnapshot()));
        });

    [Property(MaxTest = 200)]
    public Property A_snapshot_taken_anywhere_then_the_events_after_it_equals_the_replay_of_every_event() =>
        Prop.ForAll(Scripts, Gen.Choose(0, 100).ToArbitrary(), (script, cut) =>
        {
            var clock = new FakeTimeProvider(CreditsFixture.Start);
            var ledger = CreditsFixture.Ledger(clock);
            var prefix = script[..(script.Length * cut / 100)];
            var before = Run(ledger, clock, prefix);
            var json = CreditsJson.Of(ledger.ToSnapshot());
            var after = Run(ledger, clock, script[prefix.Length..]);

            var restored = CreditsFixture.Ledger(clock);
            restored.Restore(CreditsJson.Read(json));
            after.ForEach(restored.Apply);
            var replayed = ReferralCredits.Replay(before.Concat(after), CreditsFixture.Ledger(clock));

            Assert.Equal(CreditsJson.Of(replayed.ToSnapshot()), CreditsJson.Of(restored.ToSnapshot()));
            Assert.Equal(CreditsJson.Of(ledger.ToSnapshot()), CreditsJson.Of(restored.ToSnapshot()));
        });

    /// <summary>Runs a script, skipping refused requests (they change nothing); returns the events.</summary>
    private static List<ICreditEvent> Run(ReferralCredits ledger, FakeTimeProvider clock, (int Kind, int A, int B)[] script)
    {
        var events = new List<ICreditEvent>();
        var orders = 0;
        foreach (var (kind, a, b) in script)
        {
            var before = CreditsJson.Of(ledger.ToSnapshot());
            try
            {
                var decision = kind switch
                {
                    0 or 1 => ledger.Earn(new ReferredOrder(1 + (a % 3), 4 + (b % 5), $"o-{++orders}", Items[a % Items.Length], Money.Cny(Prices[a % Prices.Length]))),
                    2 => ledger.Redeem(1 + (a % 3), $"x-{b % 20}", b % 2 == 0 ? "bootcamp" : "trial-class"),
                    3 => ledger.Reverse($"o-{1 + (a % Math.Max(orders, 1))}", $"r-{b % 30}", Money.Cny(b % 3 == 0 ? Prices[(a % Math.Max(orders, 1) + 1) % Prices.Length] : 1 + (b % 500))),
                    4 => ledger.Expire(),
                    _ => Advance(clock, b % 200),
                };
                events.AddRange(decision.Events);
            }
            catch (CreditsException)
            {
                Assert.Equal(before, CreditsJson.Of(ledger.ToSnapshot())); // a refusal changes nothing
            }
        }

        return events;
    }

    private static CreditDecision Advance(FakeTimeProvider clock, int days)
    {
        clock.Advance(TimeSpan.FromDays(days));
        return new([]);
    }

    private static long Sum<T>(List<ICreditEvent> events, MemberId member, Func<T, long> credits) where T : ICreditEvent =>
        events.OfType<T>().Where(e => e.Member == member).Sum(credits);
}
