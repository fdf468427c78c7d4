using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>DAU, WAU, MAU and DAU/MAU for every day of a period; the rolling windows look back before the period's start.</summary>
/// <param name="Period">The days reported.</param>
/// <param name="Days">One entry per day, oldest first.</param>
public sealed record ActiveUsersReport(MetricsPeriod Period, ImmutableArray<ActiveUsersDay> Days)
{
    /// <summary>The mean DAU over the period's days.</summary>
    public decimal AverageDau => Days.Length == 0 ? 0m : (decimal)Days.Sum(d => d.Dau) / Days.Length;

    /// <summary>The mean DAU ÷ the mean MAU over the period's days; null when nobody was active.</summary>
    public Rate? AverageDauOverMau
    {
        get
        {
            var mau = Days.Sum(d => d.Mau);
            return mau == 0 ? null : Rate.Of(Days.Sum(d => d.Dau), mau);
        }
    }
}
