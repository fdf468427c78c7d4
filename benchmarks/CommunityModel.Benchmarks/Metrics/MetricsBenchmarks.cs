using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using CommunityModel.Lifecycle;
using CommunityModel.Metrics;

namespace CommunityModel.Benchmarks;

/// <summary>
/// The value-chain funnel and weekly first-time retention cohorts over a quarter of events for 1,000,000 members:
/// the library's one pass (<see cref="CommunityMetrics.Compute"/>) against the loop an integrator would write by
/// hand for the same two answers (fixed UTC+8 offset, no medians, no validation). Two event counts for the same
/// members show that memory follows members, not events.
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private const int Members = 1_000_000;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, Shanghai);
    private static readonly MetricsPeriod Quarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1));
    private readonly CommunityMetrics _metrics = new();
    private IDomainEvent[] _events = [];

    /// <summary>How many events the stream holds.</summary>
    [Params(2_500_000, 10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Time-ordered: event i happens at i/Events of the quarter. A member's first event registers them; later
        // events are activity, one in ten a step forward on the value chain (sometimes skipping a stage).
        var random = new Random(20260301);
        var span = TimeSpan.FromDays(90).Ticks;
        var stage = new sbyte[Members + 1];
        Array.Fill(stage, (sbyte)-1);
        _events = new IDomainEvent[Events];
        for (var i = 0; i < Events; i++)
        {
            var at = Origin.AddTicks(span / Events * i);
            var member = random.Next(1, Members + 1);
            ref var current = ref stage[member];
            if (current < 0)
            {
                current = 0;
                _events[i] = new MemberTransitioned(member, LifecycleStage.Prospect, LifecycleStage.Prospect, LifecycleTrigger.Registered, null, at, 1, []);
            }
            else if (current < 4 && random.Next(10) == 0)
            {
                var to = (sbyte)Math.Min(4, current + 1 + random.Next(2));
                LifecycleStage[] passed = to - current == 2 ? [(LifecycleStage)(current + 1)] : [];
                _events[i] = new MemberTransitioned(member, (LifecycleStage)current, (LifecycleStage)to, LifecycleTrigger.BoughtMembership, null, at, 2, [.. passed]);
                current = to;
            }
            else
            {
                _events[i] = new ActivityRecorded(member, at);
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Hand-written single-pass loop")]
    public long HandWritten()
    {
        // What an integrator writes for the same answers: one dictionary of members, plain arrays, a fixed offset.
        const int Stages = 5;
        var startDay = Quarter.Start.DayNumber;
        var endDay = Quarter.End.DayNumber;
        var firstWeekDay = startDay - (((int)Quarter.Start.DayOfWeek + 6) % 7);
        var weeks = ((endDay - 1 - firstWeekDay) / 7) + 1;
        var window = TimeSpan.FromDays(30).Ticks;
        var index = new Dictionary<MemberId, int>();
        var reached = new sbyte[1024];
        var entry = new long[1024];
        var cohort = new int[1024];
        var last = new int[1024];
        var entered = new long[Stages];
        var returned = new long[weeks, weeks];
        foreach (var @event in _events)
        {
            MemberId id;
            MemberTransitioned? transition = null;
            if (@event is MemberTransitioned t)
            {
                id = t.Member;
                transition = t;
            }
            else if (@event is ActivityRecorded a)
            {
                id = a.Member;
            }
            else
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, id, out var exists);
            if (!exists)
            {
                slot = index.Count - 1;
                if (slot == reached.Length)
                {
                    Array.Resize(ref reached, slot * 2);
                    Array.Resize(ref entry, slot * 2);
                    Array.Resize(ref cohort, slot * 2);
                    Array.Resize(ref last, slot * 2);
                }

                reached[slot] = -1;
                cohort[slot] = -1;
            }

            var m = slot;
            var ticks = @event.OccurredAt.UtcTicks;
            var day = (int)((ticks + Shanghai.Ticks) / TimeSpan.TicksPerDay);
            if (transition is not null)
            {
                var passed = transition.Passed;
                for (var k = 0; k <= passed.Length; k++)
                {
                    var step = (int)(k < passed.Length ? passed[k] : transition.To);
                    if (step >= Stages || reached[m] == -2)
                    {
                        continue;
                    }

                    if (reached[m] == -1)
                    {
                        reached[m] = (sbyte)(step == 0 && day >= startDay && day < endDay ? 0 : -2);
                        entry[m] = ticks;
                        entered[0] += reached[m] == 0 ? 1 : 0;
                    }
                    else if (step == reached[m] + 1)
                    {
                        reached[m] = (sbyte)(ticks - entry[m] <= window ? step : -2);
                        entered[step] += reached[m] == step ? 1 : 0;
                    }
                }
            }
            else if (day >= startDay && day < endDay)
            {
                var week = (day - firstWeekDay) / 7;
                if (cohort[m] < 0)
                {
                    cohort[m] = week;
                    last[m] = week;
                    returned[week, 0]++;
                }
                else if (week > last[m])
                {
                    returned[cohort[m], week - cohort[m]]++;
                    last[m] = week;
                }
            }
        }

        return entered[Stages - 1] + returned[0, 0];
    }

    [Benchmark(Description = "CommunityMetrics.Compute(Funnel | Retention)")]
    public long Library()
    {
        var report = _metrics.Compute(_events, Quarter, MetricSet.Funnel | MetricSet.Retention, CohortGranularity.Week);
        return report.Funnel!.Steps[^1].Entered + report.Retention!.Cohorts[0].Size;
    }
}
