using System.Collections.Immutable;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Compliance;

public class PayoutSummaryTests
{
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2)]);

    // Level 1 pays 10%; ranks R1 5% and R2 12%, the seller earning its own rank; an agent role 3%.
    private static readonly CommissionPlan Combined = new CommissionPlanBuilder("combined").Level(Rate.FromPercent(10))
        .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(12)).SellerEarnsOwnRank(true)
        .Role("agent", Rate.FromPercent(3))
        .Build();

    private static OrderCommission SaleBy3() =>
        new CommissionCalculator(Combined).Calculate(
            new CommissionableOrder("o-1", 3, Money.Cny(1000m)) { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("agent", 900) },
            MemberRanks.Create(Chain, Combined.Ladder, [KeyValuePair.Create(new MemberId(3), "R1"), KeyValuePair.Create(new MemberId(1), "R2")]));

    [Fact]
    public void A_combined_plans_lines_are_read_by_kind_the_seller_earning_its_own_rank_sold_and_the_agent_is_an_employee()
    {
        var order = SaleBy3();

        var summary = PayoutSummary.FromRun([order], Currency.CNY);

        // Member 2 is the buyer's sponsor (level 1, ¥100); member 3 bought and earns its own rank's differential (¥50);
        // member 1 earns the differential above (12% - 5% = ¥70) on its team's sale; agent 900 (¥30) is an employee.
        Assert.Equal([(1L, 0m, 70m), (2L, 1000m, 100m), (3L, 1000m, 50m)], summary.Earners.Select(e => (e.Member.Value, e.OwnSales.Amount, e.Paid.Amount)));
        Assert.Equal((Money.Cny(1000m), Money.Cny(220m), Money.Cny(30m)), (summary.TotalSales, summary.TotalPaid, summary.EmployeePaid));
        var finding = Assert.Single(new ComplianceLinter().CheckRun(summary, ComplianceProfiles.ChinaDirectSelling));
        Assert.Equal((ComplianceCodes.EarnerPayoutOverCap, "member 1"), (finding.Code, finding.Subject));
    }
}
