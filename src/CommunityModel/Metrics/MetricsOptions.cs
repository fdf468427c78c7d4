using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>
/// How <see cref="CommunityMetrics"/> reads the events: the time zone that decides which day an instant
/// falls on, the first day of a week, the funnel and its conversion window, the activation rule of
/// AARRR, the grace a renewal may take and the gross margin of lifetime value. Bound from configuration (section <c>Metrics</c>) or set in
/// code; validated at start-up by <see cref="MetricsOptionsValidator"/>.
/// </summary>
/// <example>
/// <code>
/// "Metrics": {
///   "TimeZone": "Asia/Shanghai", "FirstDayOfWeek": "Monday", "Currency": "CNY",
///   "FunnelStages": [ "Prospect", "Fan", "Customer", "Member", "Partner" ], "ConversionWindowDays": 30,
///   "ActivationSignal": "Activity", "ActivationWithinDays": 7, "RenewalGraceDays": 30, "GrossMargin": "60%"
/// }
/// </code>
/// </example>
public sealed class MetricsOptions
{
    /// <summary>The IANA (or Windows) id of the time zone in which days, weeks and months are counted (default <c>Asia/Shanghai</c>).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The day a week starts on, for weekly cohorts (default Monday, as in China).</summary>
    public DayOfWeek FirstDayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary>The ISO 4217 code of the currency sales are counted in (default <c>CNY</c>).</summary>
    public string Currency { get; set; } = "CNY";

    /// <summary>
    /// The funnel's stages, in value-chain order, e.g. Fan, Customer, Member. Empty (the default) for the whole main
    /// chain: Prospect, Fan, Customer, Member, Partner. Otherwise at least two, each once, all on the main chain.
    /// </summary>
    public IList<LifecycleStage> FunnelStages { get; set; } = [];

    /// <summary>Days after entering the funnel's first stage within which a later stage still counts as a conversion (default 30).</summary>
    public int ConversionWindowDays { get; set; } = 30;

    /// <summary>What makes a newly registered member "activated" in AARRR (default <see cref="ActivationSignal.Activity"/>).</summary>
    public ActivationSignal ActivationSignal { get; set; } = ActivationSignal.Activity;

    /// <summary>The stage whose entry activates a member when <see cref="ActivationSignal"/> is <see cref="ActivationSignal.StageReached"/> (default Customer).</summary>
    public LifecycleStage ActivationStage { get; set; } = LifecycleStage.Customer;

    /// <summary>Days after registration within which the activation signal must happen (default 7).</summary>
    public int ActivationWithinDays { get; set; } = 7;

    /// <summary>Days after a membership term ends within which a new term still counts as its renewal (default 30).</summary>
    public int RenewalGraceDays { get; set; } = 30;

    /// <summary>
    /// The gross margin of what is sold — revenue less the cost of what was delivered, as a share of revenue — for the
    /// lifetime value on gross profit (<see cref="AarrrReport.MarginLifetimeValue"/>, <see cref="SegmentLine.MarginLifetimeValue"/>).
    /// Between 0% and 100%; default 100%, where it equals the revenue-only lifetime value.
    /// </summary>
    public Rate GrossMargin { get; set; } = Rate.One;

    /// <summary>Values in configuration that did not parse, each naming its path; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
