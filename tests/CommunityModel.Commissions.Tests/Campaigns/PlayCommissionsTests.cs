using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Campaigns.GroupBuys;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Commissions.Tests.Campaigns;

/// <summary>Play sales through CommunityCommissions: the plan's excluded order kinds apply to them, and the group-buy leader rebate goes through the ledger.</summary>
public class PlayCommissionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly MemberId Sponsor = 1, Leader = 2, Friend = 3, Other = 4;
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void A_plan_excluding_flash_sales_pays_nothing_on_them_and_the_same_product_sold_outside_earns()
    {
        var (community, commissions) = Create(new CommissionPlanBuilder("no-promotions").Level(Rate.FromPercent(10)).ExcludeOrderKinds(nameof(PlayKind.FlashSale), nameof(PlayKind.GroupBuy)).Build());
        var sale = new FlashSale(community, new CampaignOptions(), _clock);
        sale.Schedule("fs-1", OnlineCourses, Money.Cny(990m), Start, Start.AddHours(1), 10, 1);

        var flash = sale.Buy(Leader, "o-1");
        var plain = community.Execute(new PlaceOrder(Friend, "o-2", OnlineCourses));

        Assert.Empty(flash.CommunityEvents.OfType<CommissionAccrued>());
        Assert.Equal(Money.Cny(198m), plain.EventsOf<CommissionAccrued>().Single().Amount); // ¥1,980 × 10% to the sponsor
        Assert.Equal(Money.Cny(198m), commissions.Ledger.BalanceOf(Sponsor).Pending);
    }

    [Fact]
    public void Without_the_exclusion_a_flash_sale_earns_on_what_was_paid()
    {
        var (community, _) = Create(new CommissionPlanBuilder("all").Level(Rate.FromPercent(10)).Build());
        var sale = new FlashSale(community, new CampaignOptions(), _clock);
        sale.Schedule("fs-1", OnlineCourses, Money.Cny(990m), Start, Start.AddHours(1), 10, 1);

        var flash = sale.Buy(Leader, "o-1");

        Assert.Equal(Money.Cny(99m), flash.CommunityEvents.OfType<CommissionAccrued>().Single().Amount);
    }

    [Fact]
    public void A_completed_group_pays_the_leader_rebate_through_the_ledger_and_a_timed_out_one_pays_nothing()
    {
        var (community, commissions) = Create(new CommissionPlanBuilder("no-promotions").Level(Rate.FromPercent(10)).ExcludeOrderKinds(nameof(PlayKind.GroupBuy)).Build());
        var play = new GroupBuy(community, new CampaignOptions(), _clock);
        play.Schedule(new GroupBuyScheduled("gb-1", OnlineCourses, Money.Cny(990m), 2, TimeSpan.FromHours(24), 1, 10, Money.Cny(50m), false, Start, Start.AddDays(7), default));
        play.OpenGroup("g-1", Leader, "o-1");
        play.OpenGroup("g-2", Other, "o-3");

        var completion = play.Join("g-1", Friend, "o-2");

        var rebate = Assert.Single(completion.CommunityEvents.OfType<CommissionAccrued>());
        Assert.Equal((Leader, "groupbuy/leader-rebate", Money.Cny(50m)), (rebate.Key.Beneficiary, rebate.Key.Rule, rebate.Amount));
        Assert.Equal(Money.Cny(50m), commissions.Ledger.BalanceOf(Leader).Pending);
        Assert.Equal(Money.Zero(Currency.CNY), commissions.Ledger.BalanceOf(Sponsor).Pending); // group-buy sales are excluded

        _clock.Advance(TimeSpan.FromHours(24));
        var timeout = play.Expire("g-2");
        Assert.Empty(timeout.CommunityEvents);
        Assert.Equal(Money.Zero(Currency.CNY), commissions.Ledger.BalanceOf(Other).Pending);
        Assert.Equal(2, community.OrdersOfPlay("gb-1").Length);

    }

    private (CommunityModel.Community, CommunityCommissions) Create(CommissionPlan plan, bool register = true)
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
        if (register)
        {
            community.Execute(new RegisterMember(Sponsor));
            community.Execute(new RegisterMember(Leader, Sponsor));
            community.Execute(new RegisterMember(Friend, Sponsor));
            community.Execute(new RegisterMember(Other, Sponsor));
        }

        return (community, commissions);
    }
}
