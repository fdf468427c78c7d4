using CommunityModel.Campaigns;
using CommunityModel.Campaigns.GroupBuys;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The group buy (拼团): completion at N, refunds in full at timeout, new-customers-only groups, simulated completion, limits.</summary>
public class GroupBuyTests
{
    private readonly FakeTimeProvider _clock = new(PlayFixture.Start);
    private readonly CommunityModel.Community _community;

    public GroupBuyTests() => _community = PlayFixture.Community(_clock, 8);

    private static GroupBuyScheduled Setup(int target = 3, int perMember = 1, int total = 30, bool simulated = false) =>
        new("gb-1", OnlineCourses, Money.Cny(990m), target, TimeSpan.FromHours(24), perMember, total, Money.Zero(Currency.CNY), simulated, PlayFixture.Start, PlayFixture.Start.AddDays(7), default);

    private GroupBuy Scheduled(GroupBuyScheduled setup, bool allowSimulated = false)
    {
        var play = new GroupBuy(_community, PlayFixture.Options(allowSimulated), _clock);
        play.Schedule(setup);
        return play;
    }

    [Fact]
    public void Three_at_990_complete_the_group_and_the_sales_happen_with_the_play_id()
    {
        var play = Scheduled(Setup());
        var events = new List<IPlayEvent>(play.OpenGroup("g-1", 1, "o-1").Events);
        events.AddRange(play.Join("g-1", 2, "o-2").Events);
        Assert.Empty(_community.OrdersOfPlay("gb-1")); // no sale before the group completes

        var third = play.Join("g-1", 3, "o-3");

        var completed = Assert.IsType<GroupBuyCompleted>(third.Events[^1]);
        Assert.Equal((3, false, 0, Money.Cny(2970m)), (completed.Participants, completed.Simulated, completed.Missing, completed.Revenue));
        Assert.Equal(["o-1", "o-2", "o-3"], _community.OrdersOfPlay("gb-1").Select(o => o.OrderId).Order());
        Assert.All(_community.OrdersOfPlay("gb-1"), o => Assert.Equal((PlayKind.GroupBuy, Money.Cny(990m)), (o.PlayKind!.Value, o.Paid)));
        Assert.Equal(GroupBuyStage.Completed, play.State.Groups[0].Stage);
        PlayFixture.Refused<CampaignException>(() => play.Join("g-1", 4, "o-4"), ErrorCodes.CampaignInvalidTransition);
    }

    [Fact]
    public void A_group_short_of_its_target_at_expiry_refunds_everyone_in_full_and_sells_nothing()
    {
        var play = Scheduled(Setup());
        play.OpenGroup("g-1", 1, "o-1");
        play.Join("g-1", 2, "o-2");
        PlayFixture.Refused<CampaignException>(() => play.Expire("g-1"), ErrorCodes.CampaignOutsideWindow);

        _clock.Advance(TimeSpan.FromHours(24));
        PlayFixture.Refused<CampaignException>(() => play.Join("g-1", 3, "o-3"), ErrorCodes.CampaignGroupExpired);
        Assert.Equal(new[] { "g-1" }, play.Expired);
        var expired = play.Expire("g-1");

        var refunded = Assert.IsType<GroupBuyRefunded>(Assert.Single(expired.Events));
        Assert.Equal([(1, Money.Cny(990m)), (2, Money.Cny(990m))], refunded.Refunds.Select(r => ((int)r.Member.Value, r.Amount)));
        Assert.Empty(expired.CommunityEvents);
        Assert.Empty(_community.OrdersOfPlay("gb-1"));
        Assert.False(_community.TryGetOrder("o-1", out _));
        Assert.Empty(play.Expired);
        PlayFixture.Refused<CampaignException>(() => play.Expire("g-1"), ErrorCodes.CampaignInvalidTransition);
    }

    [Fact]
    public void A_new_customers_only_group_refuses_a_customer_and_takes_a_newcomer()
    {
        var play = Scheduled(Setup(target: 2));
        _community.Execute(new PlaceOrder(2, "earlier", TrialClass));
        play.OpenGroup("g-1", 1, "o-1", newCustomersOnly: true);

        var refusal = PlayFixture.Refused<CampaignException>(() => play.Join("g-1", 2, "o-2"), ErrorCodes.CampaignNotNewCustomer);
        Assert.Contains("earlier", refusal.Message, StringComparison.Ordinal);
        play.Join("g-1", 3, "o-3");

        Assert.Equal(GroupBuyStage.Completed, play.State.Groups[0].Stage);
    }

    [Fact]
    public void Simulated_completion_is_an_explicit_option_recorded_in_the_completion()
    {
        var refused = new GroupBuy(_community, PlayFixture.Options(), _clock);
        PlayFixture.Refused<CampaignException>(() => refused.Schedule(Setup(simulated: true)), ErrorCodes.CampaignInvalidRequest);

        var play = Scheduled(Setup(simulated: true), allowSimulated: true);
        play.OpenGroup("g-1", 1, "o-1");
        play.Join("g-1", 2, "o-2");
        _clock.Advance(TimeSpan.FromHours(25));
        var done = play.Expire("g-1");

        var completed = Assert.IsType<GroupBuyCompleted>(Assert.Single(done.Events));
        Assert.Equal((true, 1, 2), (completed.Simulated, completed.Missing, completed.Participants));
        Assert.Equal(1, play.State.Simulated);
        Assert.Equal(2, _community.OrdersOfPlay("gb-1").Length);
    }

    [Fact]
    public void Per_member_and_total_limits_count_places_not_refunded()
    {
        var play = Scheduled(Setup(target: 3, perMember: 1, total: 3));
        play.OpenGroup("g-1", 1, "o-1");
        PlayFixture.Refused<CampaignException>(() => play.OpenGroup("g-2", 1, "o-9"), ErrorCodes.CampaignMemberLimit);
        play.OpenGroup("g-2", 2, "o-2");
        play.Join("g-1", 3, "o-3");
        PlayFixture.Refused<CampaignException>(() => play.Join("g-2", 4, "o-4"), ErrorCodes.CampaignSoldOut);

        _clock.Advance(TimeSpan.FromHours(24));
        play.Expire("g-1");
        play.Expire("g-2");
        _clock.Advance(TimeSpan.FromHours(1));
        play.OpenGroup("g-3", 1, "o-5"); // the refunded places are free again

        Assert.Equal(2, play.State.Refunded);
    }

    [Fact]
    public void Every_other_refusal_names_its_reason()
    {
        var play = new GroupBuy(_community, PlayFixture.Options(), _clock);
        PlayFixture.Refused<CampaignException>(() => play.OpenGroup("g-1", 1, "o-1"), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => play.Schedule(Setup(target: 1)), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => play.Schedule(Setup(target: 5, total: 4)), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => play.Schedule(Setup() with { TimeLimit = TimeSpan.Zero }), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => play.Schedule(Setup() with { LeaderRebate = Money.Cny(50m) }), ErrorCodes.CampaignInvalidRequest); // no commissions here
        play.Schedule(Setup());
        PlayFixture.Refused<CampaignException>(() => play.Schedule(Setup()), ErrorCodes.CampaignIdConflict);
        PlayFixture.Refused<CampaignException>(() => play.Join("nope", 2, "o-2"), ErrorCodes.CampaignUnknownPart);
        play.OpenGroup("g-1", 1, "o-1");
        PlayFixture.Refused<CampaignException>(() => play.OpenGroup("g-1", 2, "o-2"), ErrorCodes.CampaignIdConflict);
        PlayFixture.Refused<CampaignException>(() => play.Join("g-1", 1, "o-5"), ErrorCodes.CampaignAlreadyJoined);
        PlayFixture.Refused<CampaignException>(() => play.Join("g-1", 2, "o-1"), ErrorCodes.CampaignIdConflict);
        PlayFixture.Refused<CampaignException>(() => play.Join("g-1", 99, "o-2"), ErrorCodes.CampaignInvalidRequest);
        Assert.True(play.Join("g-1", 1, "o-1").IsRepeat);
        _clock.SetUtcNow(PlayFixture.Start.AddDays(7));
        PlayFixture.Refused<CampaignException>(() => play.OpenGroup("g-2", 2, "o-2"), ErrorCodes.CampaignOutsideWindow);
    }

    [Fact]
    public void A_refusal_of_the_community_at_completion_leaves_the_group_forming()
    {
        var play = Scheduled(Setup(target: 2));
        play.OpenGroup("g-1", 1, "o-1");
        _community.Execute(new RemoveMember(1, "rule breach"));

        PlayFixture.Refused<CommunityException>(() => play.Join("g-1", 2, "o-2"), ErrorCodes.CommunityMemberHeld);

        Assert.Equal(GroupBuyStage.Forming, play.State.Groups[0].Stage);
        Assert.Single(play.State.Groups[0].Participants);
        Assert.Empty(_community.OrdersOfPlay("gb-1"));
    }

    [Fact]
    public void Replay_refuses_a_completion_short_of_the_target_and_a_partial_refund()
    {
        var play = Scheduled(Setup());
        var events = new List<IPlayEvent> { play.State.Setup };
        events.AddRange(play.OpenGroup("g-1", 1, "o-1").Events);
        events.AddRange(play.Join("g-1", 2, "o-2").Events);
        var early = events.Append(new GroupBuyCompleted("gb-1", "g-1", 2, false, 0, Money.Cny(1980m), Money.Zero(Currency.CNY), PlayFixture.Start)).ToList();
        var partial = events.Append(new GroupBuyRefunded("gb-1", "g-1", [new GroupBuyRefund(1, "o-1", Money.Cny(990m)), new GroupBuyRefund(2, "o-2", Money.Cny(900m))], PlayFixture.Start.AddDays(2))).ToList();

        Assert.Equal(events.Count, Assert.Throws<ReplayException>(() => GroupBuy.Replay(early, _community, PlayFixture.Options(), _clock)).Index);
        Assert.Equal(events.Count, Assert.Throws<ReplayException>(() => GroupBuy.Replay(partial, _community, PlayFixture.Options(), _clock)).Index);
        Assert.Equal(PlayFixture.Json(play.State), PlayFixture.Json(GroupBuy.Replay(events, _community, PlayFixture.Options(), _clock).State));
    }
}
