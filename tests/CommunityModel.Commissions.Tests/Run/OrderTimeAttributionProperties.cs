using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Commissions.Tests.Run;

public class OrderTimeAttributionProperties
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A network with statuses and a plan; up to 15 sponsor changes and 25 orders at random minutes of the period (few minutes, so some coincide); some orders without a time.</summary>
    private static Arbitrary<(TeamScenario Scenario, (int Minute, int Member, int Sponsor)[] Changes, (int Minute, int Buyer, int Fen)[] Orders)> Periods =>
        TeamScenarios.Scenarios.Generator.SelectMany(s =>
            Gen.Choose(0, 40).SelectMany(minute => Gen.Choose(0, 1000).SelectMany(member => Gen.Choose(0, 1000).Select(sponsor => (minute, member, sponsor)))).ArrayOf().SelectMany(changes =>
                Gen.Choose(-1, 40).SelectMany(minute => Gen.Choose(0, 1000).SelectMany(buyer => Gen.Choose(0, 500_000).Select(fen => (minute, buyer, fen)))).ArrayOf().Select(orders =>
                    (s, changes.Take(15).ToArray(), orders.Take(25).ToArray()))))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property The_run_pays_each_order_exactly_as_the_calculator_did_on_the_network_of_the_moment_it_was_paid() =>
        Prop.ForAll(Periods, p =>
        {
            var (s, changes, orderSpecs) = p;
            var clock = new FakeTimeProvider(PeriodStart.AddDays(-1));
            var network = new ReferralNetwork(new ReferralOptions { Mode = ReferralBindingMode.LatestReferralOverrides }, clock);
            var members = s.Earners.Network.ToLinks();
            foreach (var link in members)
            {
                network.Register(link.Member, link.Sponsor);
            }

            // Walk the period in time order, changes before orders of the same minute (a change applies from its own instant);
            // each order keeps the snapshot its checkout saw: the naive picture of the network at its time.
            var orders = new CommissionableOrder[orderSpecs.Length];
            var seen = new NetworkSnapshot?[orderSpecs.Length];
            var timeline = changes.Select((c, i) => (c.Minute, Kind: 0, Index: i)).Concat(orderSpecs.Select((o, i) => (o.Minute, Kind: 1, Index: i))).OrderBy(e => e.Minute).ThenBy(e => e.Kind).ThenBy(e => e.Index);
            foreach (var (minute, kind, index) in timeline)
            {
                var at = minute < 0 ? (DateTimeOffset?)null : PeriodStart.AddMinutes(minute);
                clock.SetUtcNow(at ?? PeriodStart);
                if (kind == 0)
                {
                    var (_, m, sp) = changes[index];
                    var member = members[m % members.Length].Member;
                    var sponsor = sp % 4 == 0 ? default : members[sp % members.Length].Member;
                    try
                    {
                        if (sponsor.IsEmpty || sp % 3 == 0)
                        {
                            network.Reassign(member, sponsor, "team change");
                        }
                        else
                        {
                            network.Bind(member, sponsor);
                        }
                    }
                    catch (ReferralException)
                    {
                        // A self-binding or a cycle: the network refuses it, nothing changes.
                    }
                }
                else
                {
                    var (_, buyer, fen) = orderSpecs[index];
                    orders[index] = new CommissionableOrder($"o-{index:D3}", members[buyer % members.Length].Member, Money.FromMinorUnits(fen, Currency.CNY)) { PaidAt = at };
                    seen[index] = at is null ? null : network.Snapshot();
                }
            }

            var end = network.Snapshot();
            var statuses = members.Select(l => KeyValuePair.Create(l.Member, s.Earners.StatusOf(l.Member))).ToArray();
            var sink = new CollectingSink();
            var result = new CommissionRun(s.Plan, new CommissionRunOptions { ChunkSize = 3 }).Execute(EarnerRoster.Create(end, statuses), orders, sponsorChanges: network.SponsorChangesSince(PeriodStart), sink: sink);

            // The calculator on each order's own snapshot, with the run's (period-end) ranks and the same statuses.
            var calculator = new CommissionCalculator(s.Plan);
            var expected = orders.Select((o, i) => (Order: o, Number: i)).OrderBy(o => end.IndexOf(o.Order.Buyer)).ThenBy(o => o.Number).SelectMany(o =>
            {
                var then = seen[o.Number] ?? end;
                var ranks = MemberRanks.Create(then, s.Plan.Ladder, members.Where(l => result.Ranks.RankOf(l.Member) is not null).Select(l => KeyValuePair.Create(l.Member, result.Ranks.RankOf(l.Member)!.Code)));
                return calculator.Calculate(o.Order, ranks, EarnerRoster.Create(then, statuses)).Lines
                    .Select(l => (o.Number, l.Beneficiary.Value, l.Rule, l.Amount.MinorUnits, l.UncappedAmount.MinorUnits, l.Capped));
            }).ToArray();
            var actual = sink.Lines.Select(l => (l.Order, end.MemberAt(l.Beneficiary).Value, s.Plan.RuleId(l.Kind, l.Ordinal), l.Amount, l.UncappedAmount, l.Capped)).ToArray();
            return actual.SequenceEqual(expected)
                && result.TotalPaid.MinorUnits + result.CompanyRetained.MinorUnits == orders.Sum(o => o.AmountPaid.MinorUnits);
        });
}
