using System.Collections.Immutable;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Staff;

public class PlanRoleTests
{
    // Role holders 900 (division), 901 (agent), 902 (sales staff) are employees, not in the network.
    private static readonly MemberId Division = new(900), Agent = new(901), Sales = new(902);

    private static readonly StaffBand[] Bands = [new(Money.Cny(0m), Rate.FromPercent(3)), new(Money.Cny(10_000m), Rate.FromPercent(5))];

    private static CommissionPlan Plan(StaffBandMode mode = StaffBandMode.Marginal, Action<CommissionPlanBuilder>? configure = null)
    {
        var builder = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5))
            .Role("division", Rate.FromPercent(2)).Role("agent", Money.Cny(5m)).Role("sales", mode, Bands);
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static CommissionableOrder Order(string id, long buyer, decimal amount, params (string Role, MemberId Holder)[] roles) =>
        new(id, buyer, Money.Cny(amount)) { Roles = roles.ToImmutableDictionary(r => r.Role, r => r.Holder) };

    private static CommissionableOrder[] Month() =>
    [
        Order("o-1", 4, 3000m, ("division", Division), ("agent", Agent), ("sales", Sales)),
        Order("o-2", 6, 12_000m, ("sales", Sales)),
    ];

    private static OrderCommission Pay(CommissionPlan plan, CommissionableOrder order, IEnumerable<CommissionableOrder>? month = null, EarnerRoster? earners = null) =>
        new CommissionCalculator(plan).Calculate(order, MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder), earners, StaffVolumes.Create(plan, month ?? Month()));

    private static (string Rule, long Member, decimal Amount)[] Lines(OrderCommission result) =>
        [.. result.Lines.Select(l => (l.Rule, l.Beneficiary.Value, l.Amount.Amount))];

    [Fact]
    public void Levels_then_each_role_in_the_plans_order_with_the_marginal_staff_role_at_the_holders_effective_rate()
    {
        var plan = Plan();
        var result = Pay(plan, Month()[0]);

        // Levels 10%/5% to 2 and 1; division 2% of ¥3,000; agent ¥5; sales: V = ¥15,000 → T = 10,000 × 3% + 5,000 × 5% = ¥550,
        // effective rate 550 / 15,000 = 3.666…%, so this order pays 3,000 × 550 / 15,000 = ¥110.00.
        Assert.Equal(
            [("team/level-1", 2, 300m), ("team/level-2", 1, 150m), ("team/role-division", 900, 60m), ("team/role-agent", 901, 5m), ("team/staff-sales", 902, 110m)],
            Lines(result));
        Assert.Equal(Money.Cny(2375m), result.CompanyRetained);
        Assert.Empty(result.UnfilledRoles);
        var staff = result.Lines[^1];
        Assert.Equal((CommissionRuleKind.Staff, 3, "sales", (Rank?)null), (staff.Kind, staff.Ordinal, staff.Role, staff.Rank));
        Assert.Equal((Money.Cny(15_000m), Money.Cny(550m), Rate.FromPercent(5)), (staff.PeriodVolume!.Value, staff.PeriodPay!.Value, staff.Band!.Value.Rate));
        Assert.Equal(550m / 15_000m, staff.Reward.Rate!.Value.Fraction);
        var division = result.Lines[2];
        Assert.Equal((CommissionRuleKind.Role, 1, Rate.FromPercent(2)), (division.Kind, division.Ordinal, division.Reward.Rate!.Value));
        Assert.Null(division.PeriodVolume);
        Assert.Null(division.PeriodPay);
        Assert.Null(division.Band);
        Assert.Equal(Money.Cny(5m), result.Lines[3].Reward.FixedAmount);
    }

    [Fact]
    public void A_whole_volume_line_explains_the_bands_rate_even_when_the_period_pay_was_rounded()
    {
        CommissionableOrder[] month = [Order("o-1", 4, 3000m, ("sales", Sales)), Order("o-2", 6, 12_000.03m, ("sales", Sales))];

        var staff = Assert.Single(Pay(Plan(StaffBandMode.WholeVolume), month[0], month).Lines, l => l.Kind == CommissionRuleKind.Staff);

        // V = ¥15,000.03 reaches the 5% band; T = ¥750.0015 → ¥750.00, so T / V is just under 5%: the line names the band's 5%.
        Assert.Equal((Money.Cny(15_000.03m), Money.Cny(750m)), (staff.PeriodVolume!.Value, staff.PeriodPay!.Value));
        Assert.Equal(Rate.FromPercent(5), staff.Reward.Rate!.Value);
        Assert.Equal(Money.Cny(150m), staff.Amount);
    }

    [Fact]
    public void A_marginal_holder_whose_volume_refunds_netted_to_zero_is_paid_and_explained_at_the_lowest_bands_rate()
    {
        var plan = new CommissionPlanBuilder("team").Role("sales", StaffBandMode.Marginal, Bands).Build();
        var order = Order("o-1", 4, 3000m, ("sales", Sales));
        var lastMonth = Order("o-0", 4, 12_000m, ("sales", Sales));
        var volumes = StaffVolumes.Create(plan, [order], [VolumeEntry.Refund(lastMonth, Money.Cny(12_000m))]);

        var staff = Assert.Single(new CommissionCalculator(plan).Calculate(order, MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder), null, volumes).Lines);

        // ¥3,000 sold less ¥12,000 refunded is no volume and no period pay: T / V has no value, so the line pays the
        // lowest band's 3% (the limit of T / V as V falls to zero): ¥90.
        Assert.Equal((Money.Cny(0m), Money.Cny(0m)), (staff.PeriodVolume!.Value, staff.PeriodPay!.Value));
        Assert.Equal((Money.Cny(90m), Rate.FromPercent(3)), (staff.Amount, staff.Reward.Rate!.Value));
    }

    [Fact]
    public void A_whole_volume_staff_role_pays_the_rate_of_the_band_the_period_volume_reached()
    {
        var result = Pay(Plan(StaffBandMode.WholeVolume), Month()[0]);

        var staff = result.Lines[^1];
        Assert.Equal(("team/staff-sales", Money.Cny(150m), Rate.FromPercent(5)), (staff.Rule, staff.Amount, staff.Reward.Rate!.Value));
        Assert.Equal(Money.Cny(15_000m), staff.PeriodVolume);
    }

    [Fact]
    public void Marginal_lines_round_per_order_so_the_period_total_may_be_a_fen_per_order_short_of_the_exact_period_pay()
    {
        var plan = new CommissionPlanBuilder("team").Role("sales", StaffBandMode.Marginal, Bands).Build();
        CommissionableOrder[] month = [.. Enumerable.Range(1, 3).Select(i => Order($"o-{i}", 6, 5000m, ("sales", Sales)))];
        var volumes = StaffVolumes.Create(plan, month);

        var lines = month.Select(o => Assert.Single(Pay(plan, o, month).Lines).Amount).ToArray();

        // T = ¥550 on ¥15,000; each ¥5,000 order: 5,000 × 550 / 15,000 = 183.333… → ¥183.33. The fen left stays with the company;
        // StaffSchedule.Settle would allocate it (183.34 + 183.33 + 183.33) once the period is closed.
        Assert.Equal([Money.Cny(183.33m), Money.Cny(183.33m), Money.Cny(183.33m)], lines);
        Assert.Equal(Money.Cny(550m), volumes.PayFor("sales", Sales)!.Total);
        Assert.Equal(Money.Cny(550m), plan.Roles[0].Schedule!.Settle(Sales, month.Select(o => new StaffSale(o.OrderLineId, o.AmountPaid))).Lines.Aggregate(Money.Cny(0m), (t, l) => t.Add(l.Amount)));
    }

    [Fact]
    public void The_cap_scales_role_lines_with_every_other_line_and_says_so()
    {
        var result = Pay(Plan(configure: b => b.CapPayoutAt(Rate.FromPercent(20))), Month()[0]);

        // Uncapped 300 + 150 + 60 + 5 + 110 = ¥625 > ¥600: every line × 0.96.
        Assert.Equal(
            [("team/level-1", 2, 288m), ("team/level-2", 1, 144m), ("team/role-division", 900, 57.6m), ("team/role-agent", 901, 4.8m), ("team/staff-sales", 902, 105.6m)],
            Lines(result));
        Assert.Equal(Money.Cny(600m), result.Cap);
        Assert.All(result.Lines, l => Assert.True(l.Capped));
        Assert.Equal(Money.Cny(110m), result.Lines[^1].UncappedAmount);
    }

    [Fact]
    public void A_role_the_order_names_no_holder_for_pays_nothing_and_is_reported_as_unfilled()
    {
        var result = Pay(Plan(), Month()[1]);

        Assert.Equal<string>(["division", "agent"], result.UnfilledRoles);
        Assert.Equal([("team/staff-sales", 902, 440m)], Lines(result).Where(l => l.Rule.Contains("staff", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Lines, l => l.Kind == CommissionRuleKind.Role);
    }

    [Fact]
    public void A_holder_may_be_a_suspended_member_or_no_member_at_all_statuses_apply_only_to_the_network()
    {
        var plan = Plan();
        var roster = EarnerRoster.Create(TeamFixtures.SixMembers, [KeyValuePair.Create(new MemberId(3), EarnerStatus.Suspended)]);
        CommissionableOrder[] month = [Order("o-1", 6, 1000m, ("division", 3), ("agent", Agent))];

        var result = Pay(plan, month[0], month, roster);

        // 6's sponsor 3 is suspended: the level is forfeited, but 3 still earns its division role.
        Assert.Equal([("team/level-2", 1, 50m), ("team/role-division", 3, 20m), ("team/role-agent", 901, 5m)], Lines(result));
        Assert.Equal<string>(["sales"], result.UnfilledRoles);
    }

    [Fact]
    public void No_line_takes_more_than_what_is_left_of_the_base()
    {
        var plan = new CommissionPlanBuilder("team").Level(Rate.FromPercent(90)).Role("division", Rate.FromPercent(8)).Role("agent", Money.Cny(5m)).Build();
        var result = new CommissionCalculator(plan).Calculate(Order("o-1", 4, 100m, ("division", Division), ("agent", Agent)), MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder));

        Assert.Equal([("team/level-1", 2, 90m), ("team/role-division", 900, 8m), ("team/role-agent", 901, 2m)], Lines(result));
        Assert.Equal(Money.Cny(0m), result.CompanyRetained);
    }

    [Fact]
    public void Role_lines_go_to_the_ledger_as_commission_lines_and_are_clawed_back_like_any_line()
    {
        var commission = Pay(Plan(), Month()[0]);

        Assert.Equal(
            [("team/role-division", 1, 900L), ("team/role-agent", 2, 901L), ("team/staff-sales", 3, 902L)],
            commission.Lines.Skip(2).Select(l => (l.Rule, l.RolePosition, l.Beneficiary.Value)));
        Assert.Equal(new CommissionKey("o-1", Sales, "team/staff-sales"), commission.Lines[^1].Key);
        Assert.All(commission.Lines, l => Assert.False(l.CompressedPast.IsDefault));
    }

    [Fact]
    public void The_ledger_accrues_role_lines_to_their_holders_and_a_full_refund_claws_them_back()
    {
        var ledger = new CommissionLedger(new LedgerOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        var commission = Pay(Plan(), Month()[0]);

        ledger.Accrue(commission, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((Money.Cny(110m), Money.Cny(60m)), (ledger.BalanceOf(Sales).Pending, ledger.BalanceOf(Division).Pending));

        ledger.Refund("o-1", "r-1", Money.Cny(3000m));
        Assert.Equal((Money.Cny(0m), Money.Cny(0m), Money.Cny(0m)), (ledger.BalanceOf(Sales).NetEarned, ledger.BalanceOf(Division).NetEarned, ledger.BalanceOf(Agent).NetEarned));
    }

    [Fact]
    public void An_excluded_order_pays_no_role_reports_none_unfilled_and_adds_to_no_holders_volume()
    {
        var plan = Plan(configure: b => b.ExcludeProducts("trial-class"));
        CommissionableOrder[] month = [.. Month(), Order("o-3", 5, 5000m, ("sales", Sales), ("agent", Agent)) with { ProductId = "trial-class" }];

        var result = Pay(plan, month[2], month);

        Assert.Empty(result.Lines);
        Assert.Empty(result.UnfilledRoles);
        Assert.NotNull(result.Exclusion);
        Assert.Equal(Money.Cny(15_000m), StaffVolumes.Create(plan, month).Of("sales", Sales));
        Assert.Equal(Money.Cny(15_000m), new CommissionRun(plan).Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), month).StaffVolumes!.Of("sales", Sales));
        Assert.Equal(Money.Cny(110m), Pay(plan, month[0], month).Lines[^1].Amount);
        Assert.Equal(CommissionErrorCodes.UnknownRole, Assert.Throws<CommissionException>(() => Pay(plan, month[2] with { Roles = month[2].Roles.Add("regional", Division) }, month)).ErrorCode);
    }

    [Fact]
    public void Rule_ids_name_the_role_and_its_kind()
    {
        var plan = Plan();

        Assert.Equal(["team/role-division", "team/role-agent", "team/staff-sales"], plan.Roles.Select(r => r.Rule));
        Assert.Equal("team/role-agent", plan.RuleId(CommissionRuleKind.Role, 2));
        Assert.Equal("team/staff-sales", plan.RuleId(CommissionRuleKind.Staff, 3));
        Assert.Equal(plan.Levels.Length + plan.Roles.Length, plan.MaxLinesPerOrder);
        Assert.Equal([CommissionRuleKind.Role, CommissionRuleKind.Role, CommissionRuleKind.Staff], plan.Roles.Select(r => r.Kind));
    }

    [Fact]
    public void An_order_naming_a_role_the_plan_does_not_have_is_refused()
    {
        var plan = Plan();
        var order = Order("o-1", 4, 100m, ("regional", Division));

        var error = Assert.Throws<CommissionException>(() => Pay(plan, order, []));
        var direct = Assert.Throws<CommissionException>(() => new CommissionCalculator(plan).Calculate(order, MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder)));

        Assert.Equal(CommissionErrorCodes.UnknownRole, error.ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownRole, direct.ErrorCode);
        Assert.Contains("'regional'", direct.Message, StringComparison.Ordinal);
        Assert.Contains("division, agent, sales", direct.Message, StringComparison.Ordinal);
        var noRoles = new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Build();
        Assert.Equal(CommissionErrorCodes.UnknownRole, Assert.Throws<CommissionException>(() => new CommissionCalculator(noRoles).Calculate(order, MemberRanks.None(TeamFixtures.SixMembers, noRoles.Ladder))).ErrorCode);
    }

    [Fact]
    public void An_empty_holder_is_refused()
    {
        var plan = Plan();
        var order = Order("o-1", 4, 100m, ("agent", default));

        var error = Assert.Throws<CommissionException>(() => new CommissionCalculator(plan).Calculate(order, MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder)));

        Assert.Equal(CommissionErrorCodes.InvalidRequest, error.ErrorCode);
    }

    [Fact]
    public void A_banded_role_without_volumes_or_with_volumes_that_leave_the_order_out_is_refused()
    {
        var plan = Plan();
        var calculator = new CommissionCalculator(plan);
        var ranks = MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder);
        var order = Month()[0];

        var missing = Assert.Throws<CommissionException>(() => calculator.Calculate(order, ranks, null, null));
        var without = Assert.Throws<CommissionException>(() => calculator.Calculate(order, ranks, null, StaffVolumes.Create(plan, [Month()[1] with { AmountPaid = Money.Cny(100m) }])));
        var other = Assert.Throws<CommissionException>(() => calculator.Calculate(order, ranks, null, StaffVolumes.Create(Plan(), Month())));

        Assert.Equal(CommissionErrorCodes.StaffVolumeMissing, missing.ErrorCode);
        Assert.Contains("'sales'", missing.Message, StringComparison.Ordinal);
        Assert.Equal(CommissionErrorCodes.StaffVolumeMissing, without.ErrorCode);
        Assert.Contains("do not include this order", without.Message, StringComparison.Ordinal);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, other.ErrorCode);

        // Fixed-share roles alone need no volumes.
        var fixedOnly = calculator.Calculate(Order("o-3", 4, 100m, ("agent", Agent)), ranks);
        Assert.Equal<string>(["division", "sales"], fixedOnly.UnfilledRoles);
    }

    [Fact]
    public void Every_bad_role_is_listed_with_its_code_and_setting()
    {
        var options = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).ToOptions();
        options.Roles =
        [
            new RoleOptions { Role = "none" },
            new RoleOptions { Role = "two", Rate = Rate.FromPercent(1), Amount = Money.Cny(1m) },
            new RoleOptions { Role = "two", Rate = Rate.FromPercent(120) },
            new RoleOptions { Role = "", Amount = Money.Usd(1m) },
            new RoleOptions { Role = "all", Rate = Rate.FromPercent(1), Bands = [new StaffBandOptions { From = Money.Cny(0m), Rate = Rate.FromPercent(1) }] },
            new RoleOptions
            {
                Role = "bands",
                Mode = StaffBandMode.Marginal,
                Bands = [new StaffBandOptions { From = Money.Cny(0m), Rate = Rate.FromPercent(3) }, new StaffBandOptions { From = Money.Cny(0m), Rate = Rate.FromPercent(2) }],
            },
        ];

        var problems = CommissionPlan.Validate(options);

        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:0 ('none') sets none of them", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:1 ('two') sets Rate and Amount", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:2:Role 'two' repeats Roles:1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:2:Rate is 120", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:3:Role is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:3:Amount is", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidRole } && p.Message.StartsWith("Roles:4 ('all') sets Rate and Bands", StringComparison.Ordinal));
        // The staff schedule's own validator, its code and messages, under the role's path.
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidPlan } && p.Message.StartsWith("Roles:5:Bands:1:From is ¥0.00, the same as Bands:0: the bands overlap", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: CommissionErrorCodes.InvalidPlan } && p.Message.StartsWith("Roles:5:Bands:1:Rate is 2%, less than Bands:0", StringComparison.Ordinal));
        Assert.Equal(9, problems.Length);
        var error = Assert.Throws<CommissionPlanException>(() => CommissionPlan.Create(options));
        Assert.Equal<CommissionPlanProblem>(problems, error.Problems);
    }

    [Fact]
    public void A_plan_pays_at_most_MaxRoles_roles()
    {
        var builder = new CommissionPlanBuilder("team");
        for (var i = 0; i <= CommissionPlan.MaxRoles; i++)
        {
            builder.Role($"r{i}", Rate.FromPercent(1));
        }

        var error = Assert.Throws<CommissionPlanException>(builder.Build);

        Assert.Equal(CommissionErrorCodes.InvalidRole, Assert.Single(error.Problems).Code);
    }

    [Fact]
    public void An_orders_role_names_are_ordinal_whatever_comparer_the_caller_used()
    {
        var order = new CommissionableOrder("o-1", 4, Money.Cny(100m)) { Roles = ImmutableDictionary.Create<string, MemberId>(StringComparer.OrdinalIgnoreCase).Add("Agent", Agent) };

        Assert.False(order.Roles.ContainsKey("agent"));
        Assert.Empty(new CommissionableOrder("o-2", 4, Money.Cny(1m)).Roles);
        var plan = Plan();
        Assert.Equal(CommissionErrorCodes.UnknownRole, Assert.Throws<CommissionException>(() => new CommissionCalculator(plan).Calculate(order, MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder))).ErrorCode);
    }
}
