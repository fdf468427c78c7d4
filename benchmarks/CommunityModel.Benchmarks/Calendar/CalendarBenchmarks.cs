using BenchmarkDotNet.Attributes;
using CommunityModel.Calendar;

namespace CommunityModel.Benchmarks.Calendar;

/// <summary>
/// The calendar's participation (到课率) over 1,000,000 attendance events of a month (100,000 members in four classes of
/// two squads, 40 activities): the library's <see cref="ActivityCalendar.Participation"/>, which folds the organisation's
/// events and checks each attendee's group at the activity's start, against a hand-written single pass over dense arrays
/// that assumes no member moves during the month. Both start from the same inputs, the organisation's events included.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private CalendarWorkload _workload = null!;

    /// <summary>Attendance events in the month.</summary>
    [Params(1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = CalendarWorkload.Create(100_000, Events, seed: 7);
    }

    [Benchmark(Baseline = true)]
    public (long Members, long Attendees, long Guests)[] HandWrittenSinglePass() => HandWrittenParticipation.Run(_workload.Plan, _workload.Organisation, _workload.Members, _workload.Attendance);

    [Benchmark]
    public System.Collections.Immutable.ImmutableArray<ActivityOutcome> CalendarParticipation() =>
        ActivityCalendar.Participation(_workload.Plan, _workload.Organisation, _workload.Attendance);
}
