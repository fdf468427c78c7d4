using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>The community's orders and refunds through the one commission pipeline and the ledger.</summary>
public class CommunityCommissionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly MemberId Grandparent = 1, Parent = 2, Buyer = 3;
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void A_membership_sale_pays_the_upline_and_a_refund_in_cooling_off_reverses_it_all()
    {
        var (community, commissions) = Create(new CommissionPlanBuilder("two-level").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build());
        Chain(community);

        var sale = community.Execute(new PlaceOrder(Buyer, "o-1", Vip));

        // ¥3,600 × 10% = ¥360 to the parent, × 5% = ¥180 to the grandparent, pending for the freeze period.
        Assert.Equal([(Parent, Money.Cny(360m)), (Grandparent, Money.Cny(180m))], sale.EventsOf<CommissionAccrued>().Select(a => (a.Key.Beneficiary, a.Amount)));
        Assert.Equal(Money.Cny(360m), commissions.Ledger.BalanceOf(Parent).Pending);

        _clock.Advance(TimeSpan.FromDays(3));
        var refund = community.Execute(new RefundOrder(Buyer, "o-1", "r-1"));

        Assert.Equal(Money.Cny(540m), refund.EventsOf<CommissionReversed>().Aggregate(Money.Zero(Currency.CNY), (s, r) => s + r.Amount));
        Assert.Equal(Money.Zero(Currency.CNY), commissions.Ledger.BalanceOf(Parent).NetEarned);
        Assert.Equal(Money.Zero(Currency.CNY), commissions.Ledger.BalanceOf(Grandparent).NetEarned);
    }

    [Fact]
    public void Under_a_promoters_only_plan_the_gift_pack_makes_the_sponsor_an_earner()
    {
        var (community, _) = Create(new CommissionPlanBuilder("promoters").Level(Rate.FromPercent(10)).EarnersAre(EarnerEligibility.DesignatedPromoters).Build());
        Chain(community);

        var before = community.Execute(new PlaceOrder(Buyer, "o-1", Bootcamp));
        community.Execute(new PlaceOrder(Parent, "o-2", GiftPackTier));
        var after = community.Execute(new PlaceOrder(Buyer, "o-3", OfflineCourse));

        Assert.Empty(before.EventsOf<CommissionAccrued>());
        Assert.Equal(Money.Cny(298m), after.EventsOf<CommissionAccrued>().Single(a => a.Key.Beneficiary == Parent).Amount);
    }

    [Fact]
    public void A_plan_may_exclude_a_kind_of_community_order()
    {
        var (community, _) = Create(new CommissionPlanBuilder("no-rights").Level(Rate.FromPercent(10)).ExcludeOrderKinds(nameof(OrderKind.PromoterRights)).Build());
        Chain(community);
        community.Execute(new PlaceOrder(Buyer, "o-1", Vip));

        var rights = community.Execute(new PlaceOrder(Buyer, "o-2", GiftPackTier));

        Assert.Equal(OrderKind.PromoterRights, community.OrdersOf(Buyer)[1].Kind);
        Assert.Empty(rights.EventsOf<CommissionAccrued>());
    }

    [Fact]
    public void A_suspended_sponsor_earns_nothing_until_reinstated()
    {
        var (community, commissions) = Create(new CommissionPlanBuilder("one-level").Level(Rate.FromPercent(10)).Build());
        Chain(community);
        community.Execute(new PlaceOrder(Parent, "o-0", Bootcamp));
        community.Execute(new SuspendMember(Parent, "rule breach"));

        var held = community.Execute(new PlaceOrder(Buyer, "o-1", Bootcamp));
        community.Execute(new ReinstateMember(Parent, "review passed"));
        var again = community.Execute(new PlaceOrder(Buyer, "o-2", Bootcamp));

        Assert.DoesNotContain(held.EventsOf<CommissionAccrued>(), a => a.Key.Beneficiary == Parent);
        Assert.Equal(Money.Cny(19.90m), again.EventsOf<CommissionAccrued>().Single(a => a.Key.Beneficiary == Parent).Amount);
        Assert.Equal(EarnerStatus.None, commissions.StatusOf(Parent));
    }

    [Fact]
    public void A_snapshot_restores_the_ledger_and_the_roster_with_the_community()
    {
        var plan = new CommissionPlanBuilder("promoters").Level(Rate.FromPercent(10)).EarnersAre(EarnerEligibility.DesignatedPromoters).Build();
        var (community, commissions) = Create(plan);
        Chain(community);
        community.Execute(new PlaceOrder(Parent, "o-1", GiftPackTier));
        community.Execute(new PlaceOrder(Buyer, "o-2", Bootcamp));
        var json = System.Text.Json.JsonSerializer.Serialize(community.ToSnapshot(), CommunityModel.Persistence.CommunityJsonContext.Default.CommunitySnapshot);

        var (restored, again) = Create(plan);
        restored.Restore(System.Text.Json.JsonSerializer.Deserialize(json, CommunityModel.Persistence.CommunityJsonContext.Default.CommunitySnapshot)!);
        var next = restored.Execute(new PlaceOrder(Buyer, "o-3", Bootcamp));

        Assert.Equal(commissions.Ledger.BalanceOf(Parent), again.Ledger.BalanceOf(Parent) with { Pending = again.Ledger.BalanceOf(Parent).Pending - Money.Cny(19.90m) });
        Assert.Equal(EarnerStatus.Promoter, again.StatusOf(Parent));
        Assert.Equal(Money.Cny(19.90m), next.EventsOf<CommissionAccrued>().Single(a => a.Key.Beneficiary == Parent).Amount);
    }

    [Property(MaxTest = 200)]
    public Property Commission_never_exceeds_what_is_left_of_an_order_and_replay_gives_the_same_balances() =>
        Prop.ForAll(Scripts, script =>
        {
            var plan = new CommissionPlanBuilder("three-level").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build();
            var (community, commissions) = Create(plan);
            var events = new List<IDomainEvent>();
            var orders = 0;
            foreach (var (kind, member, arg) in script)
            {
                CommunityCommand command = kind switch
                {
                    0 => new RegisterMember(member, member > 1 ? (MemberId)(1 + (arg % (member - 1))) : default),
                    1 or 2 => new PlaceOrder(member, $"o-{++orders}", Items[arg % Items.Length]),
                    3 => new RefundOrder(member, $"o-{1 + (arg % Math.Max(orders, 1))}", $"r-{arg}", arg % 2 == 0 ? null : Money.Cny(1 + (arg % 500))),
                    _ => arg % 2 == 0 ? new SuspendMember(member, "rules") : new ReinstateMember(member, "ok"),
                };
                try
                {
                    events.AddRange(community.Execute(command).Events);
                }
                catch (CommunityModelException)
                {
                }

                _clock.Advance(TimeSpan.FromDays(arg % 10));
            }

            foreach (var member in community.Members)
            {
                foreach (var order in community.OrdersOf(member.Id))
                {
                    var accrued = Sum(events.OfType<CommissionAccrued>().Where(a => a.Key.OrderLineId == order.OrderId).Select(a => a.Amount));
                    var reversed = Sum(events.OfType<CommissionReversed>().Where(r => r.Key.OrderLineId == order.OrderId).Select(r => r.Amount));
                    var net = accrued - reversed;
                    Assert.False(net.IsNegative, $"{order.OrderId}: net commission {net}");
                    Assert.True(net <= order.Remaining, $"{order.OrderId}: net commission {net} over the {order.Remaining} left");
                    if (order.Remaining.IsZero)
                    {
                        Assert.Equal(Money.Zero(Currency.CNY), net);
                    }
                }
            }

            var (replayed, again) = Create(plan);
            CommunityModel.Community.Replay(events, replayed);
            Assert.All(community.Members, m => Assert.Equal(commissions.Ledger.BalanceOf(m.Id), again.Ledger.BalanceOf(m.Id)));
        });

    private static readonly string[] Items = [TrialClass, Bootcamp, OfflineCourse, GiftPackTier, Vip, Ka];

    private static Arbitrary<(int Kind, int Member, int Arg)[]> Scripts { get; } =
        Gen.Choose(0, 4).SelectMany(kind => Gen.Choose(1, 6).SelectMany(member => Gen.Choose(0, 1000).Select(arg => (kind, member, arg))))
            .ArrayOf()
            .ToArbitrary();

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(Currency.CNY), (s, a) => s + a);

    private (CommunityModel.Community, CommunityCommissions) Create(CommissionPlan plan)
    {
        var commissions = new CommunityCommissions(new CommissionCalculator(plan), new CommissionLedger(new LedgerOptions(), _clock));
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

    private static void Chain(CommunityModel.Community community)
    {
        community.Execute(new RegisterMember(Grandparent));
        community.Execute(new RegisterMember(Parent, Grandparent));
        community.Execute(new RegisterMember(Buyer, Parent));
    }
}
