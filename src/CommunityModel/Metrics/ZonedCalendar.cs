namespace CommunityModel.Metrics;

/// <summary>
/// Turns instants into local day numbers (<see cref="DateOnly.DayNumber"/>) of one time zone, fast: the zone's
/// offset is looked up once per quarter hour of UTC time (every zone changes offset on a quarter-hour boundary)
/// and reused while events stay in it, which for a time-ordered stream is nearly always.
/// Not thread-safe: one instance per computation.
/// </summary>
internal sealed class ZonedCalendar
{
    private const long QuarterHour = TimeSpan.TicksPerHour / 4;
    private readonly TimeZoneInfo _zone;
    private long _bucketStart = long.MaxValue;
    private long _bucketEnd = long.MinValue;
    private long _offset;

    internal ZonedCalendar(TimeZoneInfo zone) => _zone = zone;

    /// <summary>The local day number of an instant.</summary>
    internal int DayNumber(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        if (utc < _bucketStart || utc >= _bucketEnd)
        {
            var start = utc - (utc % QuarterHour);
            _offset = _zone.GetUtcOffset(new DateTime(start, DateTimeKind.Utc)).Ticks;
            _bucketStart = start;
            _bucketEnd = start + QuarterHour;
        }

        return (int)((utc + _offset) / TimeSpan.TicksPerDay);
    }

    /// <summary>The instant a local day starts (the first valid local time of it, should midnight fall in a gap).</summary>
    internal DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }
}
