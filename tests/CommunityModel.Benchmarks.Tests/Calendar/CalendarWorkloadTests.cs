using CommunityModel.Benchmarks.Calendar;
using CommunityModel.Calendar;

namespace CommunityModel.Benchmarks.Tests.Calendar;

public class CalendarWorkloadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_hand_written_pass_and_the_calendar_count_the_same_members_attendees_and_guests(int seed)
    {
        var workload = CalendarWorkload.Create(2_000, 20_000, seed);

        var baseline = HandWrittenParticipation.Run(workload.Plan, workload.Organisation, workload.Members, workload.Attendance);
        var calendar = ActivityCalendar.Participation(workload.Plan, workload.Organisation, workload.Attendance);

        Assert.Equal(40, calendar.Length);
        Assert.Equal(baseline, calendar.Select(o => (o.GroupMembers, o.Attendees, o.Guests)).ToArray());
        Assert.All(calendar, o => Assert.InRange(o.Attendees, 1, o.GroupMembers));
        Assert.Equal(20_000, workload.Attendance.Length);
    }
}
