using CommunityModel.Campaigns;
using CommunityModel.Campaigns.Bootcamps;
using CommunityModel.Campaigns.FlashGroups;
using CommunityModel.Campaigns.MarketingClasses;
using CommunityModel.Campaigns.Surveys;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;
using BootcampPlay = CommunityModel.Campaigns.Bootcamps.Bootcamp;

namespace CommunityModel.Tests.Campaigns;

/// <summary>For the marketing class, the bootcamp, the survey and the flash group: the state after any requests equals the replay of their events.</summary>
public class PlayReplayProperties
{
    private const string Course = CommunityModel.Memberships.SeedBusiness.Bootcamp;

    private static Arbitrary<(int Kind, int Member, int Minutes)[]> Scripts { get; } =
        Gen.Choose(0, 6).SelectMany(kind => Gen.Choose(1, 6).SelectMany(member => Gen.Choose(0, 240).Select(minutes => (kind, member, minutes))))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property A_marketing_class_replays_to_its_live_state() =>
        Prop.ForAll(Scripts, script =>
        {
            var (clock, community, events) = Begin();
            var play = new MarketingClass(community, PlayFixture.Options(), clock);
            events.AddRange(play.Schedule("mc", "t", OnlineCourses, Money.Cny(1680m), PlayFixture.Start).Events);
            var orders = 0;
            foreach (var (kind, member, minutes) in script)
            {
                clock.Advance(TimeSpan.FromMinutes(minutes));
                Try(events, () => kind switch
                {
                    0 => play.GoLive(),
                    1 => play.End(),
                    2 => play.Close(),
                    3 => play.Cancel("cancelled"),
                    _ => play.Sell(member, $"o-{orders++}"),
                });
            }

            Assert.Equal(PlayFixture.Json(play.State), PlayFixture.Json(MarketingClass.Replay(events, community, PlayFixture.Options(), clock).State));
        });

    [Property(MaxTest = 150)]
    public Property A_bootcamp_replays_to_its_live_state() =>
        Prop.ForAll(Scripts, script =>
        {
            var (clock, community, events) = Begin();
            var play = new BootcampPlay(community, PlayFixture.Options(), clock);
            events.AddRange(play.Schedule("bc", "t", Course, Money.Cny(9.90m), ["s-1", "s-2", "s-3", "s-4"]).Events);
            foreach (var (kind, member, minutes) in script)
            {
                clock.Advance(TimeSpan.FromMinutes(minutes));
                Try(events, () => kind switch
                {
                    0 => play.Start(),
                    1 => play.Finish(),
                    2 => play.Cancel("cancelled"),
                    3 or 4 => play.Enrol(member, $"e-{member}"),
                    _ => play.Attend($"s-{(minutes % 4) + 1}", member),
                });
            }

            Assert.Equal(PlayFixture.Json(play.State), PlayFixture.Json(BootcampPlay.Replay(events, community, PlayFixture.Options(), clock).State));
        });

    [Property(MaxTest = 150)]
    public Property A_survey_replays_to_its_live_state() =>
        Prop.ForAll(Scripts, script =>
        {
            var (clock, community, events) = Begin();
            var play = new Survey(community, PlayFixture.Options(), clock);
            events.AddRange(play.Open("sv", "t", SurveyTests.Questions, SurveyTests.Rule).Events);
            foreach (var (kind, member, minutes) in script)
            {
                clock.Advance(TimeSpan.FromMinutes(minutes));
                var q = SurveyTests.Questions;
                Try(events, () => kind == 0
                    ? play.Close()
                    : play.Answer(member, [new("goal", q[0].Choices[minutes % 3]), new("status", q[1].Choices[kind % 3]), new("invest", q[2].Choices[member % 2]), new("note", "-")]));
            }

            Assert.Equal(PlayFixture.Json(play.State), PlayFixture.Json(Survey.Replay(events, community, PlayFixture.Options(), clock).State));
        });

    [Property(MaxTest = 150)]
    public Property A_flash_group_replays_to_its_live_state() =>
        Prop.ForAll(Scripts, script =>
        {
            var (clock, community, events) = Begin();
            var play = new FlashGroup(community, PlayFixture.Options(), clock);
            events.AddRange(play.Open("fg", "t", TimeSpan.FromHours(8)).Events);
            foreach (var (kind, member, minutes) in script)
            {
                clock.Advance(TimeSpan.FromMinutes(minutes));
                Try(events, () => kind switch
                {
                    0 => play.Dissolve(),
                    1 => play.DissolveByHand("by hand"),
                    _ => play.Join(member),
                });
            }

            Assert.Equal(PlayFixture.Json(play.State), PlayFixture.Json(FlashGroup.Replay(events, community, PlayFixture.Options(), clock).State));
        });

    private static (FakeTimeProvider Clock, CommunityModel.Community Community, List<IPlayEvent> Events) Begin()
    {
        var clock = new FakeTimeProvider(PlayFixture.Start);
        return (clock, PlayFixture.Community(clock, 6), []);
    }

    private static void Try(List<IPlayEvent> events, Func<PlaySale> request)
    {
        try
        {
            events.AddRange(request().Events);
        }
        catch (CampaignException)
        {
        }
    }
}
