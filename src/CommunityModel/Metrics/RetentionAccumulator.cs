using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>
/// Builds a <see cref="RetentionReport"/> in one pass over activity. First-time: per member the cohort and the
/// last period counted (two ints). Recurring: per member a bit set of the periods they were active in. The
/// returned counts form a triangle (cohort c, offset k) kept in one flat array.
/// </summary>
internal sealed class RetentionAccumulator
{
    private const int NotSeen = -1;
    private const int Before = -2;
    private readonly MetricsPeriod _period;
    private readonly CohortGranularity _granularity;
    private readonly RetentionKind _kind;
    private readonly PeriodBuckets _buckets;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly int _count;
    private readonly int _words;
    private readonly long[] _returned;
    private (int Cohort, int Last)[] _firstTime = [];
    private ulong[] _activePeriods = [];

    internal RetentionAccumulator(MetricsPeriod period, CohortGranularity granularity, RetentionKind kind, DayOfWeek firstDayOfWeek)
    {
        _period = period;
        _granularity = granularity;
        _kind = kind;
        _buckets = new PeriodBuckets(period, granularity, firstDayOfWeek);
        _startDay = period.Start.DayNumber;
        _endDay = period.End.DayNumber;
        _count = _buckets.Count;
        _words = (_count + 63) / 64;
        _returned = new long[(long)_count * (_count + 1) / 2];
    }

    internal void OnActivity(int member, int day)
    {
        if (_kind == RetentionKind.FirstTime)
        {
            FirstTime(member, day);
        }
        else
        {
            Recurring(member, day);
        }
    }

    internal RetentionReport Build()
    {
        var cohorts = ImmutableArray.CreateBuilder<RetentionCohort>(_count);
        for (var c = 0; c < _count; c++)
        {
            var row = _returned.AsSpan(Row(c), _count - c);
            cohorts.Add(new RetentionCohort(_buckets.StartOf(c), row[0], [.. row]));
        }

        return new RetentionReport(_period, _granularity, _kind, cohorts.MoveToImmutable());
    }

    private void FirstTime(int member, int day)
    {
        MemberIndex.Fit(ref _firstTime, member, (NotSeen, NotSeen));
        ref var state = ref _firstTime[member];
        if (day < _startDay)
        {
            if (state.Cohort == NotSeen)
            {
                state.Cohort = Before;
            }

            return;
        }

        if (day >= _endDay || state.Cohort == Before)
        {
            return;
        }

        var bucket = _buckets.Bucket(day);
        if (state.Cohort == NotSeen)
        {
            state = (bucket, bucket);
            _returned[Row(bucket)]++;
        }
        else if (bucket > state.Last)
        {
            _returned[Row(state.Cohort) + bucket - state.Cohort]++;
            state.Last = bucket;
        }
    }

    private void Recurring(int member, int day)
    {
        if (day < _startDay || day >= _endDay)
        {
            return;
        }

        var required = (member + 1) * _words;
        if (required > _activePeriods.Length)
        {
            Array.Resize(ref _activePeriods, Math.Max(required, Math.Max(64, _activePeriods.Length * 2)));
        }

        var bucket = _buckets.Bucket(day);
        var bits = _activePeriods.AsSpan(member * _words, _words);
        var word = bucket >> 6;
        var mask = 1UL << (bucket & 63);
        if ((bits[word] & mask) != 0)
        {
            return;
        }

        bits[word] |= mask;
        _returned[Row(bucket)]++;
        for (var w = 0; w <= word; w++)
        {
            var earlier = w == word ? bits[w] & (mask - 1) : bits[w];
            while (earlier != 0)
            {
                var c = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(earlier);
                _returned[Row(c) + bucket - c]++;
                earlier &= earlier - 1;
            }
        }
    }

    /// <summary>Where cohort <paramref name="cohort"/>'s row of the triangle starts.</summary>
    private long RowLong(int cohort) => ((long)cohort * _count) - ((long)cohort * (cohort - 1) / 2);

    private int Row(int cohort) => checked((int)RowLong(cohort));
}
