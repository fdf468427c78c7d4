using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class ActivityParticipationTests
{
    [Fact]
    public void The_seed_case_four_lead_groups_of_1000_members_232_attend_a_public_class_is_23_point_2_percent()
    {
        Assert.Equal(Rate.FromPercent(23.2m), ActivityParticipation.Of(232, 1000));
        Assert.Equal("23.2%", ActivityParticipation.Of(232, 1000).ToString());
    }

    [Fact]
    public void From_attendance_facts_each_member_counts_once_per_group()
    {
        LeadGroup[] groups = [new("lead-1", 300), new("lead-2", 250), new("lead-3", 250), new("lead-4", 200)];
        var attendees = new (string Group, int Count)[] { ("lead-1", 70), ("lead-2", 60), ("lead-3", 52), ("lead-4", 50) };
        var events = new List<IDomainEvent>();
        var member = 1L;
        foreach (var (group, count) in attendees)
        {
            for (var i = 0; i < count; i++, member++)
            {
                events.Add(new AttendanceRecorded(member, "public-class", group, At(3, 8, 20)));
            }
        }

        events.Add(new AttendanceRecorded(1, "public-class", "lead-1", At(3, 8, 21))); // came back after a break
        events.Add(new AttendanceRecorded(999, "bootcamp", "lead-9", At(3, 9)));      // another activity
        events.Add(Active(5, At(3, 9)));

        var report = ActivityParticipation.Compute("public-class", groups, events);

        Assert.Equal(new GroupParticipation(ParticipationReport.AllGroups, 1000, 232, Rate.FromPercent(23.2m)), report.Total);
        Assert.Equal([70L, 60, 52, 50], report.Groups.Select(g => g.Attendees));
        Assert.Equal(Rate.Of(70, 300), report.Groups[0].Rate);
        Assert.Equal(Rate.FromPercent(25), report.Groups[3].Rate);
        Assert.Equal("public-class", report.ActivityId);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, -5)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void Impossible_counts_are_refused(long attendees, long members)
    {
        var error = Assert.Throws<MetricsException>(() => ActivityParticipation.Of(attendees, members));

        Assert.Equal(ErrorCodes.MetricsInvalidParticipation, error.ErrorCode);
    }

    [Fact]
    public void Bad_groups_and_attendance_from_uninvited_groups_are_refused()
    {
        IDomainEvent[] stray = [new AttendanceRecorded(1, "open", "lead-9", At(3, 1))];

        Assert.Equal(ErrorCodes.MetricsInvalidParticipation, Assert.Throws<MetricsException>(() => ActivityParticipation.Compute("open", [], [])).ErrorCode);
        Assert.Equal(ErrorCodes.MetricsInvalidParticipation, Assert.Throws<MetricsException>(() => ActivityParticipation.Compute("open", [new("a", 0)], [])).ErrorCode);
        Assert.Equal(ErrorCodes.MetricsInvalidParticipation, Assert.Throws<MetricsException>(() => ActivityParticipation.Compute("open", [new(" ", 3)], [])).ErrorCode);
        Assert.Equal(ErrorCodes.MetricsInvalidParticipation, Assert.Throws<MetricsException>(() => ActivityParticipation.Compute("open", [new("a", 3), new("a", 4)], [])).ErrorCode);
        var error = Assert.Throws<MetricsException>(() => ActivityParticipation.Compute("open", [new("lead-1", 3)], stray));
        Assert.Contains("lead-9", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ActivityParticipation.Compute(" ", [new("a", 3)], []));
    }

    [Fact]
    public void More_attendees_than_members_in_a_group_is_refused()
    {
        IDomainEvent[] events = [new AttendanceRecorded(1, "open", "tiny", At(3, 1)), new AttendanceRecorded(2, "open", "tiny", At(3, 1))];

        var error = Assert.Throws<MetricsException>(() => ActivityParticipation.Compute("open", [new("tiny", 1)], events));

        Assert.Equal(ErrorCodes.MetricsInvalidParticipation, error.ErrorCode);
    }
}
