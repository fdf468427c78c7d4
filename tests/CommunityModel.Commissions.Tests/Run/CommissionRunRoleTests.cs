using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Run;

public class CommissionRunRoleTests
{
    private static readonly MemberId Division = new(900), Agent = new(901), Sales = new(902);

    // Levels 10%/5%, division 2%, agent ¥5, sales staff marginal 3% to ¥10,000 then 5%.
    private static CommissionPlan Plan() => new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5))
        .Role("division", Rate.FromPercent(2)).Role("agent", Money.Cny(5m))
        .Role("sales", StaffBandMode.Marginal, new StaffBand(Money.Cny(0m), Rate.FromPercent(3)), new StaffBand(Money.Cny(10_000m), Rate.FromPercent(5)))
        .Build();

    private static CommissionableOrder Order(string id, long buyer, decimal amount, params (string Role, MemberId Holder)[] roles) =>
        new(id, buyer, Money.Cny(amount)) { Roles = roles.ToImmutableDictionary(r => r.Role, r => r.Holder) };

    private static CommissionableOrder[] Month() =>
    [
        Order("o-2", 6, 12_000m, ("sales", Sales), ("agent", 3)),
        Order("o-1", 4, 3000m, ("division", Division), ("agent", Agent), ("sales", Sales)),
        Order("o-3", 5, 100m),
    ];

    [Fact]
    public void The_month_end_run_pays_role_holders_from_its_own_holder_table_with_volumes_summed_from_its_orders()
    {
        var plan = Plan();
        var sink = new CollectingSink();

        var result = new CommissionRun(plan).Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), Month(), sink: sink);

        // Holders in ascending id order: member 3 (an agent on o-2) and employees 900, 901, 902.
        Assert.Equal<MemberId>([3, Division, Agent, Sales], result.Holders);
        Assert.Equal(Money.Cny(15_000m), result.StaffVolumes!.Of("sales", Sales));
        Assert.Equal(Money.Cny(550m), result.EarnedByHolder(Sales, CommissionRuleKind.Staff));
        Assert.Equal(Money.Cny(60m), result.EarnedByHolder(Division, CommissionRuleKind.Role));
        Assert.Equal(Money.Cny(5m), result.EarnedByHolder(3));
        Assert.Equal(Money.Cny(0m), result.EarnedByHolder(new MemberId(999), CommissionRuleKind.Role));
        Assert.Equal((Money.Cny(550m), Money.Cny(70m)), (result.TotalPaidFor(CommissionRuleKind.Staff), result.TotalPaidFor(CommissionRuleKind.Role)));

        // Member 3 is also in the network: its member totals hold only what it earned as a member.
        Assert.Equal(Money.Cny(1200m), result.EarnedBy(3, CommissionRuleKind.Level));
        Assert.Equal(Money.Cny(1200m), result.EarnedBy(3));

        var roleLines = sink.Lines.OrderBy(l => l.Order).Where(l => l.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role)
            .Select(l => (result.OrderLineIdAt(l.Order), result.HolderAt(l.Beneficiary).Value, plan.RuleId(l.Kind, l.Ordinal), l.Amount)).ToArray();
        Assert.Equal(
            [("o-1", 900L, "team/role-division", 6000L), ("o-1", 901L, "team/role-agent", 500L), ("o-1", 902L, "team/staff-sales", 11_000L), ("o-2", 3L, "team/role-agent", 500L), ("o-2", 902L, "team/staff-sales", 44_000L)],
            roleLines);
        Assert.Equal(result.TotalBase, result.TotalPaid.Add(result.CompanyRetained));
    }

    [Fact]
    public void An_order_naming_an_unknown_role_stops_the_run_before_anything_is_paid()
    {
        var sink = new CollectingSink();
        CommissionableOrder[] month = [.. Month(), Order("o-4", 2, 10m, ("regional", Division))];

        var error = Assert.Throws<CommissionException>(() => new CommissionRun(Plan()).Execute(EarnerRoster.AllActive(TeamFixtures.SixMembers), month, sink: sink));

        Assert.Equal(CommissionErrorCodes.UnknownRole, error.ErrorCode);
        Assert.Empty(sink.Lines);
    }

    [Fact]
    public void A_batch_naming_no_holders_pays_no_roles_and_a_holder_kind_that_is_not_a_role_kind_is_refused()
    {
        var plan = Plan();
        var result = new CommissionRun(plan).PayBatch(MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder), new OrderBatch(new[] { 3 }, new[] { 100_000L }));

        Assert.Empty(result.Holders);
        Assert.Null(result.StaffVolumes);
        Assert.Equal(Money.Cny(0m), result.TotalPaidFor(CommissionRuleKind.Role));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.EarnedByHolder(Sales, CommissionRuleKind.Level));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.HolderAt(0));
    }

    [Fact]
    public void A_compact_batch_pays_roles_once_it_names_their_holders()
    {
        var plan = Plan();
        var ranks = MemberRanks.None(TeamFixtures.SixMembers, plan.Ladder);
        var batch = new OrderBatch(new[] { 3, 5 }, new[] { 300_000L, 1_200_000L });
        MemberId none = default;

        // Orders in plan role order (division, agent, sales): o-1 all three, o-2 sales only.
        var paid = new CommissionRun(plan).PayBatch(ranks, batch.WithRoles(plan, [Division, Agent, Sales, none, none, Sales]));

        Assert.Equal<MemberId>([Division, Agent, Sales], paid.Holders);
        Assert.Equal(Money.Cny(550m), paid.EarnedByHolder(Sales, CommissionRuleKind.Staff));
        Assert.Equal((Money.Cny(60m), Money.Cny(5m)), (paid.EarnedByHolder(Division), paid.EarnedByHolder(Agent)));
        Assert.Equal(Money.Cny(15_000m), batch.WithRoles(plan, [Division, Agent, Sales, none, none, Sales]).StaffVolumes!.Of("sales", Sales));
        Assert.Null(batch.StaffVolumes);

        var wrongLength = Assert.Throws<CommissionException>(() => batch.WithRoles(plan, [Sales]));
        var other = Plan();
        var otherPlan = Assert.Throws<CommissionException>(() => new CommissionRun(other).PayBatch(MemberRanks.None(TeamFixtures.SixMembers, other.Ladder), batch.WithRoles(plan, [Division, Agent, Sales, none, none, Sales])));
        Assert.Equal(CommissionErrorCodes.InvalidRequest, wrongLength.ErrorCode);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, otherPlan.ErrorCode);
        Assert.Contains("role holders were summed under plan", otherPlan.Message, StringComparison.Ordinal);
    }
}
