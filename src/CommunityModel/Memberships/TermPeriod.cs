using System.Globalization;

namespace CommunityModel.Memberships;

/// <summary>
/// A term of a membership as calendar dates in the plan's time zone, half-open: it covers
/// <see cref="Start"/> up to, not including, <see cref="End"/>. A one-year term from 1 March 2026 is
/// [2026-03-01, 2027-03-01); from 29 February 2024 it is [2024-02-29, 2025-02-28).
/// </summary>
/// <param name="Start">The first day covered.</param>
/// <param name="End">The first day no longer covered.</param>
public readonly record struct TermPeriod(DateOnly Start, DateOnly End)
{
    /// <summary>How many days the term covers.</summary>
    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>Whether the term covers the day.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ <paramref name="date"/> &lt; <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => Start <= date && date < End;

    /// <summary>The term as <c>[start, end)</c> in ISO dates.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Start:yyyy-MM-dd}, {End:yyyy-MM-dd})");
}
