using CommunityModel.Campaigns;
using CommunityModel.Campaigns.MarketingClasses;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The marketing class (营销课): live, then the same-night follow-up window in the community's time zone, sales attributed within it only.</summary>
public class MarketingClassTests
{
    // 2026-03-01 20:00 in Shanghai.
    private static readonly DateTimeOffset Evening = new(2026, 3, 1, 20, 0, 0, TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(PlayFixture.Start);
    private readonly CommunityModel.Community _community;
    private readonly MarketingClass _class;

    public MarketingClassTests()
    {
        _community = PlayFixture.Community(_clock, 4);
        _class = new MarketingClass(_community, PlayFixture.Options(), _clock);
    }

    [Fact]
    public void Sales_live_and_until_2359_that_night_are_attributed_and_a_sale_after_midnight_is_not()
    {
        var events = new List<IPlayEvent>(_class.Schedule("mc-1", "Java 就业公开课", OnlineCourses, Money.Cny(1680m), Evening).Events);
        PlayFixture.Refused<CampaignException>(() => _class.Sell(1, "o-0"), ErrorCodes.CampaignOutsideWindow);
        _clock.SetUtcNow(Evening);
        events.AddRange(_class.GoLive().Events);
        events.AddRange(_class.Sell(1, "o-1").Events);
        _clock.SetUtcNow(Evening.AddMinutes(90));
        var ended = _class.End();
        events.AddRange(ended.Events);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.FromHours(8)), Assert.IsType<MarketingClassEnded>(ended.Events[0]).FollowUpEndsAt);
        _clock.SetUtcNow(Evening.AddHours(2));
        events.AddRange(_class.Sell(2, "o-2").Events); // 22:00, 当晚跟进
        PlayFixture.Refused<CampaignException>(() => _class.Close(), ErrorCodes.CampaignOutsideWindow);
        _clock.SetUtcNow(Evening.AddHours(4).AddMinutes(10)); // 00:10 the next day
        PlayFixture.Refused<CampaignException>(() => _class.Sell(3, "o-3"), ErrorCodes.CampaignOutsideWindow);
        events.AddRange(_class.Close().Events);

        var state = _class.State;
        Assert.Equal((MarketingClassStage.Closed, 2, 1, Money.Cny(3360m)), (state.Stage, state.Sales.Length, state.FollowUpSales, state.Revenue));
        Assert.Equal(["o-1", "o-2"], _community.OrdersOfPlay("mc-1").Select(o => o.OrderId));
        Assert.Empty(_community.OrdersOf(3));
        Assert.Equal(PlayFixture.Json(state), PlayFixture.Json(MarketingClass.Replay(events, _community, PlayFixture.Options(), _clock).State));
    }

    [Fact]
    public void The_window_ends_at_the_configured_local_time_of_the_configured_zone()
    {
        var options = new CampaignOptions { TimeZone = "Europe/London", FollowUpEndsAt = new TimeOnly(22, 0) };
        var lesson = new MarketingClass(_community, options, _clock);
        lesson.Schedule("mc-2", "Evening class", OnlineCourses, Money.Cny(1680m), Evening);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 19, 0, 0, TimeSpan.Zero));
        lesson.GoLive();
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.Zero));

        var ended = Assert.IsType<MarketingClassEnded>(lesson.End().Events[0]);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero), ended.FollowUpEndsAt);
    }

    [Fact]
    public void Every_refusal_names_its_reason()
    {
        PlayFixture.Refused<CampaignException>(() => _class.GoLive(), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _class.Schedule("mc-1", " ", OnlineCourses, Money.Cny(1m), Evening), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _class.Schedule("mc-1", "t", Vip, Money.Cny(1m), Evening), ErrorCodes.CampaignInvalidRequest);
        _class.Schedule("mc-1", "t", OnlineCourses, Money.Cny(1680m), Evening);
        PlayFixture.Refused<CampaignException>(() => _class.End(), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _class.Close(), ErrorCodes.CampaignInvalidTransition);
        _class.GoLive();
        PlayFixture.Refused<CampaignException>(() => _class.Cancel("too late"), ErrorCodes.CampaignInvalidTransition);
        _class.Sell(1, "o-1");
        PlayFixture.Refused<CampaignException>(() => _class.Sell(2, "o-1"), ErrorCodes.CampaignIdConflict);
        Assert.True(_class.Sell(1, "o-1").IsRepeat);
        PlayFixture.Refused<CampaignException>(() => _class.Sell(99, "o-9"), ErrorCodes.CampaignInvalidRequest);

        var cancelled = new MarketingClass(_community, PlayFixture.Options(), _clock);
        cancelled.Schedule("mc-3", "t", OnlineCourses, Money.Cny(1680m), Evening);
        cancelled.Cancel("speaker ill");
        PlayFixture.Refused<CampaignException>(() => cancelled.Sell(1, "o-5"), ErrorCodes.CampaignOutsideWindow);
    }

    [Fact]
    public void Replay_refuses_a_sale_outside_the_window_and_a_forged_window_end()
    {
        var events = new List<IPlayEvent>(_class.Schedule("mc-1", "t", OnlineCourses, Money.Cny(1680m), Evening).Events);
        _clock.SetUtcNow(Evening);
        events.AddRange(_class.GoLive().Events);
        _clock.SetUtcNow(Evening.AddHours(1));
        var ended = (MarketingClassEnded)_class.End().Events[0];

        var late = events.Append(ended).Append(new MarketingClassSold("mc-1", 1, "o-1", Money.Cny(1680m), ended.FollowUpEndsAt)).ToList();
        var forged = events.Append(ended with { FollowUpEndsAt = ended.FollowUpEndsAt.AddHours(12) }).ToList();

        Assert.Equal(events.Count + 1, Assert.Throws<ReplayException>(() => MarketingClass.Replay(late, _community, PlayFixture.Options(), _clock)).Index);
        Assert.Equal(events.Count, Assert.Throws<ReplayException>(() => MarketingClass.Replay(forged, _community, PlayFixture.Options(), _clock)).Index);
    }
}
