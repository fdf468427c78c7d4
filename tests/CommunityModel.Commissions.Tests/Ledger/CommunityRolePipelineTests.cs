using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Persistence;
using CommunityModel.Referrals;
using CommunityModel.Roles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// The work pipeline (推广员 → 培训师 → 管理员) paid through a role plan: the buyer's care team, recorded in the community,
/// is the role split of the buyer's orders.
/// </summary>
public class CommunityRolePipelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly MemberId Promoter = 10, Trainer = 11, Manager = 12, Customer = 3;
    private readonly FakeTimeProvider _clock = new(Start);

    private static CommissionPlan PipelinePlan() => new CommissionPlanBuilder("pipeline")
        .Role("recruiter", Rate.FromPercent(5))
        .Role("coach", Rate.FromPercent(3))
        .Role("team-lead", Rate.FromPercent(2))
        .Build();

    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        [OrderRoles.Promoter] = "recruiter",
        [OrderRoles.Trainer] = "coach",
        [OrderRoles.Manager] = "team-lead",
    };

    [Fact]
    public void A_customers_vip_order_pays_the_promoter_trainer_manager_split_and_a_refund_reverses_it()
    {
        var (community, commissions) = Create(PipelinePlan());
        var events = Pipeline(community);

        var sale = community.Execute(new PlaceOrder(Customer, "o-1", Vip));
        events.AddRange(sale.Events);

        // ¥3,600 × 5% = ¥180 to the promoter who recruited, × 3% = ¥108 to the trainer, × 2% = ¥72 to the manager.
        Assert.Equal(
            [(Promoter, Money.Cny(180m)), (Trainer, Money.Cny(108m)), (Manager, Money.Cny(72m))],
            sale.EventsOf<CommissionAccrued>().Select(a => (a.Key.Beneficiary, a.Amount)).OrderBy(x => x.Beneficiary));
        Assert.Equal(
            new Dictionary<string, MemberId> { [OrderRoles.Promoter] = Promoter, [OrderRoles.Trainer] = Trainer, [OrderRoles.Manager] = Manager },
            community.OrdersOf(Customer)[0].Roles);

        _clock.Advance(TimeSpan.FromDays(2));
        var refund = community.Execute(new RefundOrder(Customer, "o-1", "r-1"));
        events.AddRange(refund.Events);

        // Refunded in full in the cooling-off period: ¥180 + ¥108 + ¥72 = ¥360 reversed, nothing kept.
        Assert.Equal(Money.Cny(360m), refund.EventsOf<CommissionReversed>().Aggregate(Money.Zero(Currency.CNY), (s, r) => s + r.Amount));
        Assert.All([Promoter, Trainer, Manager], m => Assert.Equal(Money.Zero(Currency.CNY), commissions.Ledger.BalanceOf(m).NetEarned));

        var (replayed, again) = Create(PipelinePlan());
        CommunityModel.Community.Replay(events, replayed);
        Assert.Equal(community.OrdersOf(Customer)[0].Roles, replayed.OrdersOf(Customer)[0].Roles);
        Assert.All([Promoter, Trainer, Manager], m => Assert.Equal(commissions.Ledger.BalanceOf(m), again.Ledger.BalanceOf(m)));
        Assert.Equal(Json(community), Json(replayed));

        var (restored, _) = Create(PipelinePlan());
        restored.Restore(System.Text.Json.JsonSerializer.Deserialize(Json(community), CommunityJsonContext.Default.CommunitySnapshot)!);
        Assert.Equal(Json(community), Json(restored));
        Assert.Equal(community.OrdersOf(Customer)[0].Roles, restored.OrdersOf(Customer)[0].Roles);
        Assert.Equal(Trainer, restored.Member(Customer).CareOf(WorkRole.Trainer));
    }

    [Fact]
    public void The_roles_of_an_order_are_the_care_team_when_it_was_paid_not_later()
    {
        var (community, commissions) = Create(PipelinePlan());
        Pipeline(community);
        community.Execute(new PlaceOrder(Customer, "o-1", Bootcamp));
        community.Execute(new RegisterMember(13));
        community.Execute(new GrantWorkRole(13, WorkRole.Trainer));
        community.Execute(new AssignCare(Customer, WorkRole.Trainer, 13));

        var later = community.Execute(new PlaceOrder(Customer, "o-2", Bootcamp));

        Assert.Equal(Trainer, community.OrdersOf(Customer)[0].Roles[OrderRoles.Trainer]);
        Assert.Equal((MemberId)13, community.OrdersOf(Customer)[1].Roles[OrderRoles.Trainer]);
        Assert.Contains(later.EventsOf<CommissionAccrued>(), a => a.Key.Beneficiary == (MemberId)13);
        Assert.Equal(Money.Cny(5.97m), commissions.Ledger.BalanceOf(Trainer).Pending); // ¥199 × 3%, the first order only
    }

    [Fact]
    public void Without_a_map_the_care_team_pays_nothing_and_an_unmapped_plan_role_stays_unfilled()
    {
        var commissions = new CommunityCommissions(new CommissionCalculator(PipelinePlan()), new CommissionLedger(new LedgerOptions(), _clock));
        var community = Community(commissions);
        Pipeline(community);

        var sale = community.Execute(new PlaceOrder(Customer, "o-1", Vip));

        Assert.Empty(sale.EventsOf<CommissionAccrued>());
        Assert.Same(CommunityRoleMap.None, commissions.Roles);
    }

    [Fact]
    public void A_map_naming_an_unknown_plan_role_or_paying_one_role_twice_is_refused_with_every_problem()
    {
        var error = Assert.Throws<CommissionException>(() => CommunityRoleMap.Create(
            new Dictionary<string, string> { [OrderRoles.Promoter] = "recruiter", [OrderRoles.Trainer] = "recruiter", [OrderRoles.Manager] = "boss", [""] = "coach" },
            PipelinePlan()));

        Assert.Equal(CommissionErrorCodes.InvalidRoleMap, error.ErrorCode);
        Assert.Contains("both pay plan role 'recruiter'", error.Message, StringComparison.Ordinal);
        Assert.Contains("plan role 'boss', which the plan does not have (coach, recruiter, team-lead)", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs both a community role name and a plan role name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_naming_one_community_role_twice_is_refused()
    {
        var problems = CommunityRoleMap.Problems([new(OrderRoles.Promoter, "recruiter"), new(OrderRoles.Promoter, "coach")], ["recruiter", "coach"]);

        Assert.Equal(["CommunityRoles:promoter is listed twice."], problems);
    }

    [Fact]
    public void The_map_binds_from_configuration_and_an_unknown_plan_role_fails_at_start_up()
    {
        var values = new Dictionary<string, string?>
        {
            ["Commissions:Plan:Name"] = "pipeline",
            ["Commissions:Plan:Roles:0:Role"] = "recruiter",
            ["Commissions:Plan:Roles:0:Rate"] = "5%",
            ["Commissions:CommunityRoles:promoter"] = "recruiter",
        };
        using (var good = Provider(values))
        {
            good.GetRequiredService<IStartupValidator>().Validate();
            Assert.Equal("recruiter", good.GetRequiredService<CommunityCommissions>().Roles.Entries[OrderRoles.Promoter]);
        }

        values["Commissions:CommunityRoles:trainer"] = "coach";
        using var bad = Provider(values);
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Commissions:CommunityRoles:trainer names plan role 'coach'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CommissionErrorCodes.InvalidRoleMap, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_adds_an_entry()
    {
        using var provider = new ServiceCollection()
            .AddCommissions(c => c.Plan("pipeline", p => p.Role("recruiter", Rate.FromPercent(5))).CommunityRole(OrderRoles.Promoter, "recruiter"))
            .BuildServiceProvider();

        Assert.Equal("recruiter", provider.GetRequiredService<IOptions<CommissionsOptions>>().Value.CommunityRoles[OrderRoles.Promoter]);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> values) =>
        new ServiceCollection().AddCommissions(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Commissions")).BuildServiceProvider();

    private static string Json(CommunityModel.Community community) =>
        System.Text.Json.JsonSerializer.Serialize(community.ToSnapshot(), CommunityJsonContext.Default.CommunitySnapshot);

    private static List<IDomainEvent> Pipeline(CommunityModel.Community community)
    {
        var events = new List<IDomainEvent>();
        CommunityCommand[] commands =
        [
            new RegisterMember(Promoter), new RegisterMember(Trainer), new RegisterMember(Manager), new RegisterMember(Customer, Promoter),
            new GrantWorkRole(Promoter, WorkRole.Promoter), new GrantWorkRole(Trainer, WorkRole.Trainer), new GrantWorkRole(Manager, WorkRole.Manager),
            new AssignCare(Customer, WorkRole.Promoter, Promoter), new AssignCare(Customer, WorkRole.Trainer, Trainer), new AssignCare(Customer, WorkRole.Manager, Manager),
        ];
        foreach (var command in commands)
        {
            events.AddRange(community.Execute(command).Events);
        }

        return events;
    }

    private (CommunityModel.Community, CommunityCommissions) Create(CommissionPlan plan)
    {
        var commissions = new CommunityCommissions(new CommissionCalculator(plan), new CommissionLedger(new LedgerOptions(), _clock), CommunityRoleMap.Create(Map, plan));
        return (Community(commissions), commissions);
    }

    private CommunityModel.Community Community(CommunityCommissions commissions) => new(
        new ValueChain(new ValueChainOptions(), _clock),
        new ReferralOptions(),
        new MemberNumberOptions(),
        _clock,
        catalog: CreateCatalog(),
        desk: new MembershipDesk(CreatePlan(), _clock),
        commissions: commissions);
}
