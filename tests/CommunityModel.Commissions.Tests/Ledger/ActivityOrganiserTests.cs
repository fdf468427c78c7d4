using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Persistence;
using CommunityModel.Referrals;
using CommunityModel.Roles;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>
/// Members who organise activities share in their sales (组织活动，分配收益): the organiser of the activity whose play a sale
/// was made within is the sale's <see cref="OrderRoles.Organiser"/>, and a plan role mapped from it pays them like any role line.
/// </summary>
public class ActivityOrganiserTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly MemberId Sponsor = 1, Buyer = 2, Friend = 3, Organiser = 5, NextOrganiser = 6;
    private readonly FakeTimeProvider _clock = new(Start);

    private static CommissionPlan HostPlan() => new CommissionPlanBuilder("activities").Level(Rate.FromPercent(10)).Role("host", Rate.FromPercent(5)).Build();

    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal) { [OrderRoles.Organiser] = "host" };

    [Fact]
    public void A_sale_within_an_organised_activity_pays_the_organiser_and_a_refund_reverses_it()
    {
        var (community, commissions) = Create();
        var events = Members(community);
        events.AddRange(community.Execute(new OrganiseActivity(Organiser, "fs-1")).Events);
        var play = FlashSaleOf(community);

        var sale = play.Buy(Buyer, "o-1");
        events.AddRange(sale.CommunityEvents);

        // ¥990 × 10% = ¥99 to the buyer's sponsor, × 5% = ¥49.50 to the member who organised the flash sale.
        Assert.Equal(
            [(Sponsor, "activities/level-1", Money.Cny(99m)), (Organiser, "activities/role-host", Money.Cny(49.5m))],
            sale.CommunityEvents.OfType<CommissionAccrued>().Select(a => (a.Key.Beneficiary, a.Key.Rule, a.Amount)).OrderBy(x => x.Beneficiary));
        Assert.Equal(Organiser, community.OrdersOf(Buyer)[0].Roles[OrderRoles.Organiser]);
        Assert.Equal(Organiser, community.OrganiserOf("fs-1"));

        _clock.Advance(TimeSpan.FromDays(1));
        var refund = community.Execute(new RefundOrder(Buyer, "o-1", "r-1", Money.Cny(330m)));
        events.AddRange(refund.Events);

        // A third refunded: a third of each line reversed, ¥33 and ¥16.50; what is kept stays exact to the fen.
        Assert.Equal(
            [(Sponsor, Money.Cny(33m)), (Organiser, Money.Cny(16.5m))],
            refund.EventsOf<CommissionReversed>().Select(r => (r.Key.Beneficiary, r.Amount)).OrderBy(x => x.Beneficiary));
        Assert.Equal(Money.Cny(33m), commissions.Ledger.BalanceOf(Organiser).NetEarned);

        // Replayed or restored, the community holds the same roles and balances, and the next sale still pays the organiser.
        var (replayed, again) = Create();
        CommunityModel.Community.Replay(events, replayed);
        Assert.Equal(community.OrdersOf(Buyer)[0], replayed.OrdersOf(Buyer)[0]);
        Assert.Equal(commissions.Ledger.BalanceOf(Organiser), again.Ledger.BalanceOf(Organiser));
        var (restored, _) = Create();
        restored.Restore(System.Text.Json.JsonSerializer.Deserialize(Json(community), CommunityJsonContext.Default.CommunitySnapshot)!);
        Assert.Equal(Json(community), Json(restored));
        Assert.Equal(Organiser, restored.OrganiserOf("fs-1"));
    }

    [Fact]
    public void The_organiser_is_the_one_named_before_the_sale_a_handover_reaches_later_sales_only_and_nobody_shares_in_their_own_purchase()
    {
        var (community, commissions) = Create();
        Members(community);
        var play = FlashSaleOf(community);

        play.Buy(Friend, "o-0");                                                        // before anyone organised it
        community.Execute(new OrganiseActivity(Organiser, "fs-1"));
        play.Buy(Buyer, "o-1");
        var repeat = community.Execute(new OrganiseActivity(Organiser, "fs-1"));
        community.Execute(new OrganiseActivity(NextOrganiser, "fs-1"));
        var own = play.Buy(NextOrganiser, "o-2");                                       // the new organiser buys: no share of their own purchase
        play.Buy(Organiser, "o-3");

        Assert.Empty(repeat.Events);
        Assert.False(community.OrdersOf(Friend)[0].Roles.ContainsKey(OrderRoles.Organiser));
        Assert.Equal(Organiser, community.OrdersOf(Buyer)[0].Roles[OrderRoles.Organiser]);
        Assert.False(community.OrdersOf(NextOrganiser)[0].Roles.ContainsKey(OrderRoles.Organiser));
        Assert.DoesNotContain(own.CommunityEvents.OfType<CommissionAccrued>(), a => a.Key.Beneficiary == NextOrganiser);
        Assert.Equal(NextOrganiser, community.OrdersOf(Organiser)[0].Roles[OrderRoles.Organiser]);
        Assert.Equal(Money.Cny(49.5m), commissions.Ledger.BalanceOf(Organiser).Pending);     // o-1 only
        Assert.Equal(Money.Cny(49.5m), commissions.Ledger.BalanceOf(NextOrganiser).Pending); // o-3 only
    }

    [Fact]
    public void An_organiser_who_is_not_a_member_is_refused_and_nothing_changes()
    {
        var (community, _) = Create();
        Members(community);
        var before = Json(community);

        var error = Assert.Throws<CommunityException>(() => community.Execute(new OrganiseActivity(99, "fs-1")));

        Assert.Equal(ErrorCodes.CommunityUnknownMember, error.ErrorCode);
        Assert.Equal("Organiser", error.Refusals[0].Field);
        Assert.Contains("Member 99", error.Message, StringComparison.Ordinal);
        Assert.Null(community.OrganiserOf("fs-1"));
        Assert.Equal(before, Json(community));
    }

    [Fact]
    public void An_activity_without_an_id_is_refused()
    {
        var (community, _) = Create();
        Members(community);

        var error = Assert.Throws<CommunityException>(() => community.Execute(new OrganiseActivity(Organiser, " ")));

        Assert.Equal(ErrorCodes.CommunityInvalidCommand, error.ErrorCode);
        Assert.Equal("Activity", error.Refusals[0].Field);
    }

    [Fact]
    public void A_forged_event_naming_an_unregistered_organiser_is_refused_on_replay()
    {
        var (community, _) = Create();
        var events = Members(community);
        events.Add(new ActivityOrganised(99, "fs-1", Start));

        var error = Assert.Throws<ReplayException>(() => CommunityModel.Community.Replay(events, Create().Community));

        Assert.Equal(ErrorCodes.CommunityReplayMismatch, error.ErrorCode);
        Assert.Equal(events.Count - 1, error.Index);
    }

    /// <summary>
    /// Any price, level and host rate, cap and refund: the lines of a sale with an organiser plus what the company retains
    /// are the base, the organiser's line is the host rate of the base, and a refund never reverses more than was accrued.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Money_is_conserved_with_the_organiser_role_present() =>
        Prop.ForAll(
            Gen.Choose(1, 100_000_000).SelectMany(fen => Gen.Choose(0, 5_000).SelectMany(level => Gen.Choose(0, 5_000).SelectMany(host =>
                Gen.Choose(1, 10_000).SelectMany(cap => Gen.Choose(0, 100).Select(refundShare => (fen, level, host, cap, refundShare)))))).ToArbitrary(),
            c =>
            {
                var plan = new CommissionPlanBuilder("p").Level(Rate.FromBasisPoints(c.level)).Role("host", Rate.FromBasisPoints(c.host)).CapPayoutAt(Rate.FromBasisPoints(c.cap)).Build();
                var roles = CommunityRoleMap.Create(Map, plan);
                var paid = Money.FromMinorUnits(c.fen, Currency.CNY);
                var order = new CommunityOrder("o-1", Buyer, OrderKind.Product, OnlineCourses, "Entry", paid, Money.Zero(Currency.CNY), Start)
                {
                    Play = "fs-1",
                    PlayKind = PlayKind.FlashSale,
                    Roles = OrderRoles.None.Add(OrderRoles.Organiser, Organiser),
                };
                var network = NetworkSnapshot.Create([new(Sponsor, default), new(Buyer, Sponsor), new(Organiser, default)]);
                var commission = new CommissionCalculator(plan).Calculate(roles.CommissionableOrderOf(order), network);
                var ledger = new CommissionLedger(new LedgerOptions(), new FakeTimeProvider(Start));
                ledger.Accrue(commission, Start);
                var refund = Money.FromMinorUnits((long)c.fen * c.refundShare / 100, Currency.CNY);
                var reversed = refund.IsPositive ? ledger.Refund("o-1", "r-1", refund).Events.OfType<CommissionReversed>().Sum(r => r.Amount.MinorUnits) : 0;
                var accrued = commission.Lines.Sum(l => l.Amount.MinorUnits);
                var host = commission.Lines.SingleOrDefault(l => l.Kind == CommissionRuleKind.Role);
                var levels = commission.Lines.Where(l => l.Kind == CommissionRuleKind.Level).Sum(l => l.UncappedAmount.MinorUnits);
                var expectedHost = Math.Min(commission.Base.Multiply(Rate.FromBasisPoints(c.host), plan.Rounding).MinorUnits, commission.Base.MinorUnits - levels);
                var net = new[] { Sponsor, Organiser }.Sum(m => ledger.BalanceOf(m).NetEarned.MinorUnits);
                return accrued + commission.CompanyRetained.MinorUnits == commission.Base.MinorUnits
                    && !commission.CompanyRetained.IsNegative
                    && (host is null ? expectedHost == 0 : host.Beneficiary == Organiser && host.UncappedAmount.MinorUnits == expectedHost)
                    && reversed >= 0 && reversed <= accrued
                    && net == accrued - reversed
                    && (c.refundShare < 100 || net == 0);
            });

    private FlashSale FlashSaleOf(CommunityModel.Community community)
    {
        var play = new FlashSale(community, new CampaignOptions(), _clock);
        play.Schedule("fs-1", OnlineCourses, Money.Cny(990m), Start, Start.AddHours(1), 10, 1);
        return play;
    }

    private static List<IDomainEvent> Members(CommunityModel.Community community) =>
    [
        .. new CommunityCommand[] { new RegisterMember(Sponsor), new RegisterMember(Buyer, Sponsor), new RegisterMember(Friend, Sponsor), new RegisterMember(Organiser), new RegisterMember(NextOrganiser) }
            .SelectMany(c => community.Execute(c).Events),
    ];

    private static string Json(CommunityModel.Community community) =>
        System.Text.Json.JsonSerializer.Serialize(community.ToSnapshot(), CommunityJsonContext.Default.CommunitySnapshot);

    private (CommunityModel.Community Community, CommunityCommissions Commissions) Create()
    {
        var plan = HostPlan();
        var commissions = new CommunityCommissions(new CommissionCalculator(plan), new CommissionLedger(new LedgerOptions(), _clock), CommunityRoleMap.Create(Map, plan));
        var community = new CommunityModel.Community(
            new ValueChain(new ValueChainOptions(), _clock),
            new ReferralOptions(),
            new MemberNumberOptions(),
            _clock,
            catalog: CreateCatalog(),
            desk: new MembershipDesk(CreatePlan(), _clock),
            commissions: commissions);
        return (community, commissions);
    }
}
