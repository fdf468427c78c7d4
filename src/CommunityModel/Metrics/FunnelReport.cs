using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>
/// The value-chain funnel of a period: the members who entered its first stage during the period, and how many of
/// them went on to each later stage, in order, within the conversion window.
/// </summary>
/// <param name="Period">The period members entered the funnel in.</param>
/// <param name="ConversionWindow">How long after entering the first stage a later stage still counts.</param>
/// <param name="Steps">The stages in order; counts never increase down the list.</param>
public sealed record FunnelReport(MetricsPeriod Period, TimeSpan ConversionWindow, ImmutableArray<FunnelStep> Steps)
{
    /// <summary>The last stage's entered ÷ the first stage's; null when the funnel is empty.</summary>
    public Rate? OverallConversion => Steps[^1].OverallConversion;
}
