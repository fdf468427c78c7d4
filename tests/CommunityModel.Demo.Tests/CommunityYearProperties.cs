using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Demo.Tests;

/// <summary>The year's invariants for any seed and any small community: each case is a whole simulated run.</summary>
public class CommunityYearProperties
{
    private static Arbitrary<DemoOptions> SmallRuns() =>
        (from seed in Gen.Choose(int.MinValue, int.MaxValue)
         from members in Gen.Choose(DemoOptions.MinMembers, 60)
         from months in Gen.Choose(1, 4)
         select new DemoOptions { Seed = seed, Members = members, Months = months }).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Money_is_conserved_and_people_are_counted_once_in_every_run() =>
        Prop.ForAll(SmallRuns(), options =>
        {
            var report = CommunityYear.Run(options);
            var everyone = report.ExistingMembers + report.BoughtProspects + report.ReferredProspects;
            return report.TotalBase == report.TotalCommission + report.TotalRetained
                && Money.Sum(report.CommissionByRule.Select(r => r.Amount), Currency.CNY) == report.TotalCommission + report.PlayRewards
                && Money.Sum(report.CommissionByKind.Select(k => k.Amount), Currency.CNY) == report.TotalCommission
                && report.TotalBase == report.TotalRevenue
                && report.LedgerNetEarned == report.TotalCommission + report.PlayRewards - report.CommissionReversed
                && report.CommissionPaidOut <= report.TotalCommission + report.PlayRewards
                && report.LedgerNetEarned + report.OwedBack >= report.CommissionPaidOut
                && report.StagesAtEnd.Sum(s => s.People) == everyone
                && report.Funnel.Steps.Zip(report.Funnel.Steps.Skip(1)).All(p => p.Second.Entered <= p.First.Entered)
                && report.Memberships.Sum(m => m.UpgradedInto) >= 1
                && report.Memberships.Sum(m => m.Refunded) >= 1;
        });
}
