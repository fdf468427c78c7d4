using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The flash sale (秒杀): window, stock, per-member limit, orders carrying the play's id, and every refusal.</summary>
public class FlashSaleTests
{
    private readonly FakeTimeProvider _clock = new(PlayFixture.Start);
    private readonly CommunityModel.Community _community;
    private readonly FlashSale _sale;

    public FlashSaleTests()
    {
        _community = PlayFixture.Community(_clock, 5);
        _sale = new FlashSale(_community, PlayFixture.Options(), _clock);
    }

    private DateTimeOffset Opens => PlayFixture.Start.AddHours(10);

    private List<IPlayEvent> ScheduleAndOpen()
    {
        var events = new List<IPlayEvent>(_sale.Schedule("fs-1", OnlineCourses, Money.Cny(99m), Opens, Opens.AddHours(1), stock: 3, perMemberLimit: 2).Events);
        _clock.SetUtcNow(Opens);
        return events;
    }

    [Fact]
    public void Three_units_at_99_sell_out_and_each_order_carries_the_play()
    {
        var events = ScheduleAndOpen();

        var first = _sale.Buy(1, "o-1");
        events.AddRange(first.Events);
        events.AddRange(_sale.Buy(1, "o-2").Events);
        var last = _sale.Buy(2, "o-3");
        events.AddRange(last.Events);

        Assert.IsType<FlashSaleOpened>(first.Events[0]);
        Assert.IsType<FlashSaleSoldOut>(last.Events[^1]);
        Assert.Equal(FlashSaleStage.SoldOut, _sale.State.Stage);
        Assert.Equal(Money.Cny(297m), _sale.State.Revenue);
        var purchase = Assert.Single(first.CommunityEvents.OfType<ProductPurchased>());
        Assert.Equal(("fs-1", PlayKind.FlashSale, Money.Cny(99m)), (purchase.Play, purchase.PlayKind, purchase.Paid));
        Assert.Equal(["o-1", "o-2", "o-3"], _community.OrdersOfPlay("fs-1").Select(o => o.OrderId));
        Assert.All(_community.OrdersOfPlay("fs-1"), o => Assert.Equal(PlayKind.FlashSale, o.PlayKind));
        Assert.Equal(PlayFixture.Json(_sale.State), PlayFixture.Json(FlashSale.Replay(events, _community, PlayFixture.Options(), _clock).State));
    }

    [Fact]
    public void The_same_order_again_is_a_repeat_and_changes_nothing()
    {
        ScheduleAndOpen();
        _sale.Buy(1, "o-1");

        var again = _sale.Buy(1, "o-1");

        Assert.True(again.IsRepeat);
        Assert.Equal(1, _sale.State.Sold);
    }

    [Fact]
    public void Every_refusal_names_its_reason_and_changes_nothing()
    {
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(1, "o-1"), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _sale.Schedule("fs-1", "no-such", Money.Cny(1m), Opens, Opens.AddHours(1), 1, 1), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _sale.Schedule("fs-1", OnlineCourses, Money.Cny(2000m), Opens, Opens.AddHours(1), 1, 1), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _sale.Schedule("fs-1", OnlineCourses, Money.Cny(99m), Opens, Opens, 1, 1), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _sale.Schedule("fs-1", OnlineCourses, Money.Cny(99m), Opens, Opens.AddHours(1), 0, 1), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _sale.Schedule(" ", OnlineCourses, Money.Cny(99m), Opens, Opens.AddHours(1), 1, 1), ErrorCodes.CampaignInvalidRequest);
        _sale.Schedule("fs-1", OnlineCourses, Money.Cny(99m), Opens, Opens.AddHours(1), stock: 2, perMemberLimit: 1);
        PlayFixture.Refused<CampaignException>(() => _sale.Schedule("fs-2", OnlineCourses, Money.Cny(99m), Opens, Opens.AddHours(1), 1, 1), ErrorCodes.CampaignIdConflict);

        PlayFixture.Refused<CampaignException>(() => _sale.Buy(1, "o-1"), ErrorCodes.CampaignOutsideWindow); // before it opens
        _clock.SetUtcNow(Opens);
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(99, "o-1"), ErrorCodes.CampaignInvalidRequest); // not a member
        _sale.Buy(1, "o-1");
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(1, "o-2"), ErrorCodes.CampaignMemberLimit);
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(2, "o-1"), ErrorCodes.CampaignIdConflict);
        _community.Execute(new PlaceOrder(3, "taken", TrialClass));
        PlayFixture.Refused<CommunityException>(() => _sale.Buy(2, "taken"), ErrorCodes.CommunityIdConflict); // the community refuses: the stock stays
        Assert.Equal(1, _sale.State.Sold);
        _sale.Buy(2, "o-2");
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(3, "o-3"), ErrorCodes.CampaignSoldOut);
        _sale.Close("sold out, closed early");
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(3, "o-3"), ErrorCodes.CampaignOutsideWindow);
        PlayFixture.Refused<CampaignException>(() => _sale.Close("again"), ErrorCodes.CampaignInvalidTransition);
        Assert.Equal(2, _sale.State.Sold);
    }

    [Fact]
    public void After_the_window_a_sale_is_refused_and_a_held_member_cannot_buy()
    {
        ScheduleAndOpen();
        _community.Execute(new RemoveMember(4, "rule breach"));
        PlayFixture.Refused<CommunityException>(() => _sale.Buy(4, "o-4"), ErrorCodes.CommunityMemberHeld);
        Assert.Equal(0, _sale.State.Sold);

        _clock.SetUtcNow(Opens.AddHours(1));
        PlayFixture.Refused<CampaignException>(() => _sale.Buy(1, "o-1"), ErrorCodes.CampaignOutsideWindow);
    }

    [Fact]
    public void An_order_naming_a_play_is_refused_unless_the_play_places_it()
    {
        ScheduleAndOpen();

        PlayFixture.Refused<CommunityException>(() => _community.Execute(new PlaceOrder(1, "o-1", OnlineCourses, Money.Cny(1m), "sneaked") { Play = "fs-1", PlayKind = PlayKind.FlashSale }), ErrorCodes.CommunityInvalidCommand);
        Assert.Empty(_community.OrdersOf(1));
    }

    [Fact]
    public void Replay_refuses_an_oversold_stream_at_its_index()
    {
        var events = ScheduleAndOpen();
        events.AddRange(_sale.Buy(1, "o-1").Events);
        events.AddRange(_sale.Buy(2, "o-2").Events);
        events.Add(new FlashSaleSold("fs-1", 3, "o-x", Money.Cny(99m), Opens)); // before the sold-out event: a unit above... stock 3 holds it
        events.Add(new FlashSaleSold("fs-1", 4, "o-y", Money.Cny(99m), Opens)); // a fourth unit of three

        var error = Assert.Throws<ReplayException>(() => FlashSale.Replay(events, _community, PlayFixture.Options(), _clock));

        Assert.Equal(ErrorCodes.CampaignReplayMismatch, error.ErrorCode);
        Assert.Equal(events.Count - 1, error.Index);
    }

    [Fact]
    public void Replay_refuses_a_sale_below_the_flash_price_or_of_another_play()
    {
        var events = ScheduleAndOpen();
        events.AddRange(_sale.Buy(1, "o-1").Events);

        var cheaper = events.Append(new FlashSaleSold("fs-1", 2, "o-2", Money.Cny(1m), Opens)).ToList();
        var other = events.Append(new FlashSaleClosed("fs-2", 1, "ended", Opens)).ToList();

        Assert.Equal(events.Count, Assert.Throws<ReplayException>(() => FlashSale.Replay(cheaper, _community, PlayFixture.Options(), _clock)).Index);
        Assert.Equal(events.Count, Assert.Throws<ReplayException>(() => FlashSale.Replay(other, _community, PlayFixture.Options(), _clock)).Index);
    }

    [Fact]
    public void The_lifecycle_exports_as_a_mermaid_diagram_in_both_languages()
    {
        var mermaid = FlashSale.Lifecycle.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("state \"已售罄 Sold out\" as SoldOut", mermaid, StringComparison.Ordinal);
        Assert.Contains("Open --> SoldOut : 售罄 Last unit sold", mermaid, StringComparison.Ordinal);
        Assert.Equal("秒杀 Flash sale", PlayKinds.DisplayName(PlayKind.FlashSale).ToString());
    }
}
