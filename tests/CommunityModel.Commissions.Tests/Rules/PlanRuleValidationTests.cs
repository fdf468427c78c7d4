using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Tests.Rules;

/// <summary>What each rule kind refuses in a plan's options, with the message that names the setting, and options bound with missing lists.</summary>
public class PlanRuleValidationTests
{
    private static CommissionPlanOptions Levels(params int[] percents) =>
        new() { Levels = [.. percents.Select(p => new CommissionLevelOptions { Rate = Rate.FromPercent(p) })] };

    [Fact]
    public void A_peer_rate_above_100_percent_and_an_unknown_basis_are_refused_naming_the_setting_and_the_value()
    {
        var options = Levels(10);
        options.Ranks = [new RankOptions { Code = "R1", Name = "组长", DifferentialRate = Rate.FromPercent(5) }];
        options.PeerBonus = new PeerBonusOptions { Rate = Rate.FromPercent(120), Basis = (PeerBonusBasis)9, Generations = 1 };

        var messages = CommissionPlan.Validate(options).Where(p => p.Code == CommissionErrorCodes.InvalidPeerBonus).Select(p => p.Message).ToArray();

        Assert.Equal(["PeerBonus:Rate is 120%; it must be between 0% and 100%.", "PeerBonus:Basis '9' is not OfBase or OfDownlineDifferential."], messages);
    }

    [Fact]
    public void A_level_without_a_reward_is_refused_naming_the_levels_setting_and_its_position()
    {
        var options = Levels(10);
        options.Levels.Add(new CommissionLevelOptions());

        var problem = Assert.Single(CommissionPlan.Validate(options));

        Assert.Equal((CommissionErrorCodes.InvalidPlan, "Levels[1] (level 2) has neither a Rate nor a FixedAmount."), (problem.Code, problem.Message));
    }

    [Fact]
    public void Invalid_ranks_are_refused_by_the_plan_with_the_ladders_own_problem()
    {
        var options = Levels(10);
        options.Ranks = [new RankOptions { Code = "R1", DifferentialRate = Rate.FromPercent(5) }, new RankOptions { Code = "R1", DifferentialRate = Rate.FromPercent(10) }];

        var error = Assert.Throws<CommissionPlanException>(() => CommissionPlan.Create(options));

        Assert.Contains(error.Problems, p => p.Message == "Ranks[1] 'R1': the code appears more than once.");
    }

    [Fact]
    public void The_depth_limit_itself_is_a_valid_depth_and_one_more_is_refused()
    {
        var deepest = Levels(10);
        deepest.MaxDepth = CommissionPlan.DepthLimit;
        var deeper = Levels(10);
        deeper.MaxDepth = CommissionPlan.DepthLimit + 1;

        Assert.Empty(CommissionPlan.Validate(deepest));
        Assert.StartsWith($"MaxDepth is {CommissionPlan.DepthLimit + 1};", Assert.Single(CommissionPlan.Validate(deeper)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_banded_role_counts_its_top_band_against_the_100_percent_budget()
    {
        var options = Levels(50, 30);
        options.Roles =
        [
            new RoleOptions
            {
                Role = "sales",
                Bands = [new StaffBandOptions { From = Money.Cny(0m), Rate = Rate.FromPercent(10) }, new StaffBandOptions { From = Money.Cny(10_000m), Rate = Rate.FromPercent(25) }],
            },
        ];

        var problem = Assert.Single(CommissionPlan.Validate(options));

        Assert.Contains("pays up to 105% of the base", problem.Message, StringComparison.Ordinal);
        Assert.Contains("staff-sales 25%", problem.Message, StringComparison.Ordinal);
        options.Roles[0].Bands[1].Rate = Rate.FromPercent(20);
        Assert.Empty(CommissionPlan.Validate(options));
    }

    [Fact]
    public void Options_bound_without_their_lists_read_as_empty_lists()
    {
        // A configuration binder or a JSON reader can leave a list null; every rule reads null as none.
        var options = Levels(10);
        options.Ranks = null!;
        options.Roles = null!;
        options.ProductOverrides = new Dictionary<string, IList<CommissionLevelOptions>> { ["vip-card"] = null! };
        var plan = CommissionPlan.Create(options);

        var bare = new CommissionPlanOptions { Levels = null! };
        var peerWithoutRates = Levels(10);
        peerWithoutRates.Ranks = [new RankOptions { Code = "R1", DifferentialRate = Rate.FromPercent(5) }];
        peerWithoutRates.PeerBonus = new PeerBonusOptions { Rate = Rate.FromPercent(2), Generations = 1, GenerationRates = null! };

        Assert.Equal((1, 0, 0), (plan.Levels.Length, plan.Ladder.Count, plan.Roles.Length));
        Assert.Contains("pays nothing", Assert.Single(CommissionPlan.Validate(bare)).Message, StringComparison.Ordinal);
        Assert.Empty(CommissionPlan.Validate(peerWithoutRates));
    }

    [Fact]
    public void Overrides_on_a_plan_without_levels_are_refused_once_without_checking_the_levels_they_override()
    {
        var options = new CommissionPlanOptions
        {
            Ranks = [new RankOptions { Code = "R1", DifferentialRate = Rate.FromPercent(5) }],
            ProductOverrides = new Dictionary<string, IList<CommissionLevelOptions>> { ["vip-card"] = [new CommissionLevelOptions { Rate = Rate.FromPercent(10) }] },
        };

        var problem = Assert.Single(CommissionPlan.Validate(options));

        Assert.Equal((CommissionErrorCodes.InvalidPlan, "ProductOverrides:vip-card overrides level rewards but the plan pays no levels."), (problem.Code, problem.Message));
    }

    [Fact]
    public void Generation_rates_on_options_bound_without_ranks_read_the_ranks_as_none()
    {
        var options = Levels(10);
        options.Ranks = null!;
        options.PeerBonus = new PeerBonusOptions { Generations = 2, GenerationRates = [Rate.FromPercent(2), Rate.FromPercent(1)] };

        Assert.Empty(CommissionPlan.Validate(options));
    }

    [Fact]
    public void An_override_may_leave_a_level_to_the_plan_with_an_empty_entry()
    {
        var options = Levels(10, 5);
        options.ProductOverrides = new Dictionary<string, IList<CommissionLevelOptions>> { ["vip-card"] = [null!, new CommissionLevelOptions { Rate = Rate.FromPercent(3) }] };

        Assert.Empty(CommissionPlan.Validate(options));
        Assert.Equal(2, CommissionPlan.Create(options).Levels.Length);
    }
}
