using CommunityModel.Campaigns;
using CommunityModel.Campaigns.Bootcamps;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;
using BootcampPlay = CommunityModel.Campaigns.Bootcamps.Bootcamp;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The bootcamp (训练营): 3–5 sessions, enrolment by purchase, attendance per session, conversion after the end.</summary>
public class BootcampTests
{
    private const string Course = CommunityModel.Memberships.SeedBusiness.Bootcamp;

    private readonly FakeTimeProvider _clock = new(PlayFixture.Start);
    private readonly CommunityModel.Community _community;
    private readonly BootcampPlay _camp;

    public BootcampTests()
    {
        _community = PlayFixture.Community(_clock, 6);
        _camp = new BootcampPlay(_community, PlayFixture.Options(), _clock);
    }

    [Fact]
    public void Five_enrol_at_199_two_buy_the_course_within_14_days_and_conversion_is_40_percent()
    {
        var events = new List<IPlayEvent>(_camp.Schedule("bc-1", "Java 入门训练营", Course, Money.Cny(9.90m), ["s-1", "s-2", "s-3"]).Events);
        for (var m = 1; m <= 5; m++)
        {
            events.AddRange(_camp.Enrol(m, $"e-{m}").Events);
        }

        events.AddRange(_camp.Start().Events);
        foreach (var (session, members) in new[] { ("s-1", new[] { 1, 2, 3, 4, 5 }), ("s-2", [1, 2, 3, 4]), ("s-3", [1, 2, 3]) })
        {
            _clock.Advance(TimeSpan.FromDays(1));
            foreach (var m in members)
            {
                events.AddRange(_camp.Attend(session, m).Events);
            }
        }

        events.AddRange(_camp.Finish().Events);
        _clock.Advance(TimeSpan.FromDays(2));
        _community.Execute(new PlaceOrder(1, "c-1", OnlineCourses));
        _clock.Advance(TimeSpan.FromDays(10));
        _community.Execute(new PlaceOrder(2, "c-2", OnlineCourses));
        _clock.Advance(TimeSpan.FromDays(5)); // day 17: past the 14-day window
        _community.Execute(new PlaceOrder(3, "c-3", OnlineCourses));
        _community.Execute(new PlaceOrder(6, "c-6", OnlineCourses)); // never enrolled

        var conversion = _camp.Conversion();

        Assert.Equal((5, Rate.FromPercent(40)), (conversion.Enrolled, conversion.Rate));
        Assert.Equal([1, 2], conversion.Converted.Select(m => (int)m.Value));
        Assert.Equal((5, 4, 3), (_camp.State.AttendeesOf("s-1"), _camp.State.AttendeesOf("s-2"), _camp.State.AttendeesOf("s-3")));
        Assert.Equal(5, _community.OrdersOfPlay("bc-1").Length);
        Assert.Equal(PlayFixture.Json(_camp.State), PlayFixture.Json(BootcampPlay.Replay(events, _community, PlayFixture.Options(), _clock).State));
    }

    [Fact]
    public void Every_refusal_names_its_reason()
    {
        PlayFixture.Refused<CampaignException>(() => _camp.Enrol(1, "e-1"), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _camp.Schedule("bc-1", "t", Course, Money.Cny(199m), ["s-1", "s-2"]), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _camp.Schedule("bc-1", "t", Course, Money.Cny(199m), ["1", "2", "3", "4", "5", "6"]), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _camp.Schedule("bc-1", "t", Course, Money.Cny(199m), ["s-1", "s-1", "s-2"]), ErrorCodes.CampaignInvalidRequest);
        _camp.Schedule("bc-1", "t", Course, Money.Cny(199m), ["s-1", "s-2", "s-3"]);
        PlayFixture.Refused<CampaignException>(() => _camp.Start(), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _camp.Attend("s-1", 1), ErrorCodes.CampaignInvalidTransition);
        _camp.Enrol(1, "e-1");
        Assert.True(_camp.Enrol(1, "e-1").IsRepeat);
        PlayFixture.Refused<CampaignException>(() => _camp.Enrol(1, "e-2"), ErrorCodes.CampaignAlreadyJoined);
        PlayFixture.Refused<CampaignException>(() => _camp.Enrol(2, "e-1"), ErrorCodes.CampaignIdConflict);
        PlayFixture.Refused<CampaignException>(() => _camp.Cancel("no"), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _camp.Conversion(), ErrorCodes.CampaignInvalidTransition);
        _camp.Start();
        PlayFixture.Refused<CampaignException>(() => _camp.Enrol(2, "e-2"), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _camp.Attend("s-9", 1), ErrorCodes.CampaignUnknownPart);
        PlayFixture.Refused<CampaignException>(() => _camp.Attend("s-1", 2), ErrorCodes.CampaignNotParticipant);
        _camp.Attend("s-1", 1);
        Assert.True(_camp.Attend("s-1", 1).IsRepeat);
        _camp.Finish();
        PlayFixture.Refused<CampaignException>(() => _camp.Finish(), ErrorCodes.CampaignInvalidTransition);
    }

    [Fact]
    public void The_session_bounds_are_options_checked_at_start_up()
    {
        var error = PlayFixture.Refused<CampaignException>(() => new BootcampPlay(_community, new CampaignOptions { BootcampMinSessions = 6, BootcampMaxSessions = 5 }, _clock), ErrorCodes.CampaignInvalidOptions);

        Assert.Contains("Campaigns:BootcampMaxSessions", error.Message, StringComparison.Ordinal);
        var wide = new BootcampPlay(_community, new CampaignOptions { BootcampMinSessions = 1, BootcampMaxSessions = 7 }, _clock);
        wide.Schedule("bc-7", "t", Course, Money.Cny(199m), ["1", "2", "3", "4", "5", "6", "7"]);
    }

    [Fact]
    public void Replay_refuses_attendance_of_a_member_not_enrolled()
    {
        var events = new List<IPlayEvent>(_camp.Schedule("bc-1", "t", Course, Money.Cny(199m), ["s-1", "s-2", "s-3"]).Events);
        events.AddRange(_camp.Enrol(1, "e-1").Events);
        events.AddRange(_camp.Start().Events);
        events.Add(new BootcampAttended("bc-1", "s-1", 2, PlayFixture.Start));

        Assert.Equal(events.Count - 1, Assert.Throws<ReplayException>(() => BootcampPlay.Replay(events, _community, PlayFixture.Options(), _clock)).Index);
    }
}
