using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Tests.Staff;

public class RoleSplitTests
{
    private static readonly MemberId Division = new(1), Agent = new(2), Clerk = new(3);

    private static RoleSplit Org() => RoleSplit.Create("org",
    [
        new RoleShare("division", LevelReward.OfRate(Rate.FromPercent(5))),
        new RoleShare("agent", LevelReward.OfRate(Rate.FromPercent(3))),
        new RoleShare("staff", LevelReward.OfFixedAmount(Money.Cny(20m))),
    ]);

    [Fact]
    public void Each_role_holder_earns_its_share_in_role_order_and_the_rest_stays_with_the_company()
    {
        var result = Org().Split("vip-1", Money.Cny(3_600m), new Dictionary<string, MemberId> { ["division"] = Division, ["agent"] = Agent, ["staff"] = Clerk });

        // 5% = 180.00, 3% = 108.00, fixed 20.00; 3,600 − 308 = 3,292 retained
        Assert.Equal([Money.Cny(180m), Money.Cny(108m), Money.Cny(20m)], result.Lines.Select(l => l.Amount));
        Assert.Equal([Division, Agent, Clerk], result.Lines.Select(l => l.Holder));
        Assert.Equal(["org/role-division", "org/role-agent", "org/role-staff"], result.Lines.Select(l => l.Rule));
        Assert.Equal(Money.Cny(3_292m), result.CompanyRetained);
        Assert.Empty(result.Unfilled);
    }

    [Fact]
    public void A_role_the_order_names_no_holder_for_stays_with_the_company_and_is_reported()
    {
        var result = Org().Split("vip-2", Money.Cny(3_600m), new Dictionary<string, MemberId> { ["division"] = Division, ["staff"] = Clerk });

        Assert.Equal<string>(["agent"], result.Unfilled);
        Assert.Equal(Money.Cny(3_400m), result.CompanyRetained);          // 3,600 − 180 − 20
    }

    [Fact]
    public void A_fixed_share_never_takes_more_than_what_is_left_of_the_base()
    {
        var result = Org().Split("camp-1", Money.Cny(9.90m), new Dictionary<string, MemberId> { ["division"] = Division, ["agent"] = Agent, ["staff"] = Clerk });

        // 5% of 9.90 = 0.495 → 0.49; 3% = 0.297 → 0.29; the clerk's 20.00 is cut to the 9.12 left.
        Assert.Equal([Money.Cny(0.49m), Money.Cny(0.29m), Money.Cny(9.12m)], result.Lines.Select(l => l.Amount));
        Assert.True(result.CompanyRetained.IsZero);
    }

    [Fact]
    public void Every_problem_of_a_bad_split_is_listed_at_once()
    {
        var error = Assert.Throws<CommissionPlanException>(() => RoleSplit.Create("bad",
        [
            new RoleShare("agent", LevelReward.OfRate(Rate.FromPercent(80))),
            new RoleShare("agent", LevelReward.OfRate(Rate.FromPercent(30))),
            new RoleShare(" ", LevelReward.OfRate(Rate.FromPercent(1))),
            new RoleShare("staff", LevelReward.OfFixedAmount(Money.Cny(-1m))),
        ]));

        Assert.Equal<string>(
            [
                "Shares:1 repeats role 'agent'; each role appears once.",
                "Shares:2 has no role.",
                "Shares:3 ('staff') pays -¥1.00; a fixed amount is zero or more in CNY.",
                "Shares pay 110% of the base in total; at most 100% can be paid.",
            ],
            error.Problems);
    }

    [Fact]
    public void An_empty_split_is_refused()
    {
        var error = Assert.Throws<CommissionPlanException>(() => RoleSplit.Create("none", []));

        Assert.Contains("at least one role", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_orders_are_refused_naming_what_was_wrong()
    {
        var split = Org();
        var holders = new Dictionary<string, MemberId> { ["agent"] = Agent };

        Assert.Contains("order line id is empty", Assert.Throws<CommissionException>(() => split.Split("", Money.Cny(1m), holders)).Message, StringComparison.Ordinal);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => split.Split("o", Money.Usd(1m), holders)).ErrorCode);
        Assert.Contains("base -¥1.00", Assert.Throws<CommissionException>(() => split.Split("o", Money.Cny(-1m), holders)).Message, StringComparison.Ordinal);
        var empty = new Dictionary<string, MemberId> { ["agent"] = default };
        Assert.Contains("empty holder for role 'agent'", Assert.Throws<CommissionException>(() => split.Split("o", Money.Cny(1m), empty)).Message, StringComparison.Ordinal);
    }
}
