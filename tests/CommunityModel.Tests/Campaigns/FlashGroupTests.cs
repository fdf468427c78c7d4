using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashGroups;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The flash group (快闪群): opened with a lifetime, joined while open, dissolved on time or by hand.</summary>
public class FlashGroupTests
{
    private readonly FakeTimeProvider _clock = new(PlayFixture.Start);
    private readonly CommunityModel.Community _community;
    private readonly FlashGroup _group;

    public FlashGroupTests()
    {
        _community = PlayFixture.Community(_clock, 4);
        _group = new FlashGroup(_community, PlayFixture.Options(), _clock);
    }

    [Fact]
    public void A_three_day_group_takes_members_while_open_and_is_dissolved_at_its_end()
    {
        var events = new List<IPlayEvent>(_group.Open("fg-1", "三八节快闪群", TimeSpan.FromDays(3)).Events);
        events.AddRange(_group.Join(1).Events);
        _clock.Advance(TimeSpan.FromDays(2));
        events.AddRange(_group.Join(2).Events);
        Assert.True(_group.Join(2).IsRepeat);
        PlayFixture.Refused<CampaignException>(() => _group.Dissolve(), ErrorCodes.CampaignOutsideWindow);
        _clock.Advance(TimeSpan.FromDays(1));
        PlayFixture.Refused<CampaignException>(() => _group.Join(3), ErrorCodes.CampaignOutsideWindow);
        PlayFixture.Refused<CampaignException>(() => _group.DissolveByHand("late"), ErrorCodes.CampaignOutsideWindow);
        events.AddRange(_group.Dissolve().Events);

        var state = _group.State;
        Assert.Equal((FlashGroupStage.Dissolved, 2, false), (state.Stage, state.Members.Length, state.Dissolution!.ByHand));
        Assert.Equal(PlayFixture.Json(state), PlayFixture.Json(FlashGroup.Replay(events, _community, PlayFixture.Options(), _clock).State));
    }

    [Fact]
    public void Every_refusal_names_its_reason()
    {
        PlayFixture.Refused<CampaignException>(() => _group.Join(1), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _group.Open("fg-1", "t", TimeSpan.FromDays(8)), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _group.Open("fg-1", "t", TimeSpan.Zero), ErrorCodes.CampaignInvalidRequest);
        _group.Open("fg-1", "t", TimeSpan.FromHours(6));
        PlayFixture.Refused<CampaignException>(() => _group.Open("fg-2", "t", TimeSpan.FromHours(6)), ErrorCodes.CampaignIdConflict);
        PlayFixture.Refused<CampaignException>(() => _group.Join(99), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _group.DissolveByHand(" "), ErrorCodes.CampaignInvalidRequest);
        _group.DissolveByHand("promotion cancelled");
        Assert.True(_group.State.Dissolution!.ByHand);
        PlayFixture.Refused<CampaignException>(() => _group.Join(1), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _group.Dissolve(), ErrorCodes.CampaignInvalidTransition);
    }

    [Fact]
    public void Replay_refuses_a_join_after_the_lifetime()
    {
        var events = new List<IPlayEvent>(_group.Open("fg-1", "t", TimeSpan.FromHours(6)).Events)
        {
            new FlashGroupJoined("fg-1", 1, PlayFixture.Start.AddHours(6)),
        };

        Assert.Equal(1, Assert.Throws<ReplayException>(() => FlashGroup.Replay(events, _community, PlayFixture.Options(), _clock)).Index);
    }
}
