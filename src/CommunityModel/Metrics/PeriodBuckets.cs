namespace CommunityModel.Metrics;

/// <summary>
/// Numbers the day, week or month buckets of a period: bucket 0 holds <see cref="MetricsPeriod.Start"/>; weeks and
/// months are calendar-aligned, so the first and last bucket may be partly outside the period (those days count for nothing).
/// </summary>
internal sealed class PeriodBuckets
{
    private readonly CohortGranularity _granularity;
    private readonly int _firstBucketDay;
    private readonly int _firstMonth;
    private int _cachedDay = int.MinValue;
    private int _cachedBucket;

    internal PeriodBuckets(MetricsPeriod period, CohortGranularity granularity, DayOfWeek firstDayOfWeek)
    {
        _granularity = granularity;
        var start = period.Start;
        _firstBucketDay = granularity == CohortGranularity.Week
            ? start.DayNumber - (((int)start.DayOfWeek - (int)firstDayOfWeek + 7) % 7)
            : start.DayNumber;
        _firstMonth = MonthNumber(start);
        Count = Bucket(period.End.DayNumber - 1) + 1;
    }

    /// <summary>How many buckets the period touches.</summary>
    internal int Count { get; }

    /// <summary>The bucket of a local day number inside the period.</summary>
    internal int Bucket(int dayNumber)
    {
        if (dayNumber == _cachedDay)
        {
            return _cachedBucket;
        }

        var bucket = _granularity switch
        {
            CohortGranularity.Day => dayNumber - _firstBucketDay,
            CohortGranularity.Week => (dayNumber - _firstBucketDay) / 7,
            _ => MonthNumber(DateOnly.FromDayNumber(dayNumber)) - _firstMonth,
        };
        _cachedDay = dayNumber;
        _cachedBucket = bucket;
        return bucket;
    }

    /// <summary>The first calendar day of a bucket (which may lie before the period's start).</summary>
    internal DateOnly StartOf(int bucket) => _granularity switch
    {
        CohortGranularity.Day => DateOnly.FromDayNumber(_firstBucketDay + bucket),
        CohortGranularity.Week => DateOnly.FromDayNumber(_firstBucketDay + (7 * bucket)),
        _ => new DateOnly((_firstMonth + bucket) / 12, ((_firstMonth + bucket) % 12) + 1, 1),
    };

    private static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month - 1;
}
