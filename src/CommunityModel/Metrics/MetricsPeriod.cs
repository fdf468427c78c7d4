using System.Globalization;

namespace CommunityModel.Metrics;

/// <summary>
/// The calendar days a report covers, as local dates in the configured time zone: from <see cref="Start"/>
/// (included) to <see cref="End"/> (excluded), so March is <c>new MetricsPeriod(new(2026, 3, 1), new(2026, 4, 1))</c>.
/// </summary>
public readonly struct MetricsPeriod : IEquatable<MetricsPeriod>
{
    /// <summary>The longest period metrics accept: 3,660 days (ten years).</summary>
    public const int MaximumDays = 3660;

    /// <summary>Creates a period.</summary>
    /// <param name="start">The first day, included.</param>
    /// <param name="end">The day after the last, excluded; later than <paramref name="start"/>.</param>
    /// <exception cref="MetricsException"><paramref name="end"/> is not after <paramref name="start"/>, or the period is longer than <see cref="MaximumDays"/> (code <c>metrics.invalid_period</c>).</exception>
    public MetricsPeriod(DateOnly start, DateOnly end)
    {
        if (end <= start)
        {
            throw new MetricsException(ErrorCodes.MetricsInvalidPeriod, $"A metrics period must end after it starts; got {Format(start)} to {Format(end)} (the end is excluded).");
        }

        if (end.DayNumber - start.DayNumber > MaximumDays)
        {
            throw new MetricsException(ErrorCodes.MetricsInvalidPeriod, $"A metrics period may cover at most {MaximumDays} days; {Format(start)} to {Format(end)} covers {end.DayNumber - start.DayNumber}.");
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day, included.</summary>
    public DateOnly Start { get; }

    /// <summary>The day after the last, excluded.</summary>
    public DateOnly End { get; }

    /// <summary>The number of days covered.</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>The calendar month of a date: from its first day to the first day of the next month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The period.</returns>
    public static MetricsPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1));
    }

    /// <summary>The period of the same length just before this one (for period-over-period comparisons).</summary>
    /// <returns>The previous period.</returns>
    public MetricsPeriod Previous() => new(Start.AddDays(-Days), Start);

    /// <summary>Whether a local date falls in the period.</summary>
    /// <param name="day">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="day"/> is on or after <see cref="Start"/> and before <see cref="End"/>.</returns>
    public bool Contains(DateOnly day) => day >= Start && day < End;

    /// <inheritdoc/>
    public bool Equals(MetricsPeriod other) => Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MetricsPeriod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>The period as <c>[2026-03-01, 2026-04-01)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"[{Format(Start)}, {Format(End)})";

    /// <summary>Equality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when both cover the same days.</returns>
    public static bool operator ==(MetricsPeriod left, MetricsPeriod right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when they cover different days.</returns>
    public static bool operator !=(MetricsPeriod left, MetricsPeriod right) => !left.Equals(right);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
