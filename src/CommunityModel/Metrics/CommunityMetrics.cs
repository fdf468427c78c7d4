using System.Collections.Immutable;
using CommunityModel.Lifecycle;
using Microsoft.Extensions.Options;

namespace CommunityModel.Metrics;

/// <summary>
/// Computes community metrics from the domain events, in one pass, with days, weeks and months counted in the
/// configured time zone: the value-chain funnel, retention cohorts, DAU / WAU / MAU, sales by channel, renewal
/// rates, AARRR with churn, lifetime value (on revenue and on gross margin), referral share and the K-factors from
/// referred customers and from invitations, and orders segmented by membership tier and value-chain stage.
/// </summary>
/// <remarks>
/// The events are read once, in the order given, which must be the order they happened (<c>OccurredAt</c> never
/// goes back); events before the period matter (who was already a customer, the rolling windows, last period's
/// activity) and so do events after it (conversions within the window, renewals within the grace). The work
/// state grows with the number of members, not events. Reads <see cref="MemberTransitioned"/>,
/// <see cref="PurchaseMade"/>, <see cref="TrafficRecorded"/>, <see cref="ActivityRecorded"/>,
/// <see cref="AttendanceRecorded"/>, <see cref="MembershipTermStarted"/>, <see cref="ReferralRecorded"/>,
/// <see cref="InvitationSent"/> and <see cref="InvitationAccepted"/>; the community's product orders:
/// <see cref="ProductPurchased"/> is a purchase on <see cref="SalesReport.ProductChannel"/> (when something was paid)
/// and <see cref="ProductRefunded"/> lowers net revenue on the day it is made; and the
/// membership desk's own events: <see cref="Memberships.MembershipPurchased"/> and <see cref="Memberships.MembershipRenewed"/>
/// start terms, <see cref="Memberships.MembershipUpgraded"/> changes the open term's tier without ending it,
/// <see cref="Memberships.MembershipRefunded"/> cancels the open terms (nothing of them falls due), and the cash each
/// paid is a purchase on <see cref="SalesReport.MembershipChannel"/>; <see cref="Memberships.MembershipExpired"/> is
/// read and changes nothing. Hand over either the desk's events or records made from them, not both, or the same
/// term counts twice; likewise <see cref="ProductPurchased"/> or a <see cref="PurchaseMade"/> made from it. Other events are skipped. Thread-safe: every call works on its own state.
/// </remarks>
public sealed class CommunityMetrics
{
    private readonly ImmutableArray<LifecycleStage> _funnelStages;
    private readonly TimeSpan _conversionWindow;
    private readonly ActivationSignal _activationSignal;
    private readonly LifecycleStage _activationStage;
    private readonly TimeSpan _activationWindow;
    private readonly TimeSpan _renewalGrace;
    private readonly DayOfWeek _firstDayOfWeek;
    private readonly Rate _grossMargin;

    /// <summary>Creates the metrics with the default options (Asia/Shanghai, CNY, the whole value chain).</summary>
    public CommunityMetrics()
        : this(new MetricsOptions())
    {
    }

    /// <summary>Creates the metrics from options (as registered by <c>AddCommunityMetrics</c>).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="MetricsException">The options are invalid (code <c>metrics.invalid_options</c>); the message lists every problem.</exception>
    public CommunityMetrics(IOptions<MetricsOptions> options)
        : this(options?.Value!)
    {
    }

    /// <summary>Creates the metrics from options set in code.</summary>
    /// <param name="options">The options; copied, so later changes do not affect these metrics.</param>
    /// <exception cref="MetricsException">The options are invalid (code <c>metrics.invalid_options</c>); the message lists every problem.</exception>
    public CommunityMetrics(MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new MetricsOptionsValidator().Failures(options);
        if (failures.Count > 0)
        {
            throw new MetricsException(ErrorCodes.MetricsInvalidOptions, "The metrics options are invalid: " + string.Join(" ", failures));
        }

        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        Currency = Currency.FromCode(options.Currency);
        _firstDayOfWeek = options.FirstDayOfWeek;
        _funnelStages = options.FunnelStages is { Count: > 0 } stages ? [.. stages] : FunnelDefinition.MainChain;
        _conversionWindow = TimeSpan.FromDays(options.ConversionWindowDays);
        _activationSignal = options.ActivationSignal;
        _activationStage = options.ActivationStage;
        _activationWindow = TimeSpan.FromDays(options.ActivationWithinDays);
        _renewalGrace = TimeSpan.FromDays(options.RenewalGraceDays);
        _grossMargin = options.GrossMargin;
    }

    /// <summary>The time zone days are counted in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The currency sales are counted in.</summary>
    public Currency Currency { get; }

    /// <summary>Builds the asked-for metrics in a single pass over the events.</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period to report.</param>
    /// <param name="metrics">Which metrics to build (default all).</param>
    /// <param name="cohortGranularity">The length of a retention cohort's period (default a week).</param>
    /// <param name="retentionKind">First-time or recurring cohorts (default first-time).</param>
    /// <returns>The report; sections not asked for are null.</returns>
    /// <exception cref="MetricsException">
    /// The period is empty (<c>metrics.invalid_period</c>), an event is earlier than the one before it
    /// (<c>metrics.events_out_of_order</c>), a fact is unusable (<c>metrics.invalid_fact</c>) or an invitation is
    /// accepted that was never sent (<c>metrics.unknown_invitation</c>).
    /// </exception>
    public MetricsReport Compute(
        IEnumerable<IDomainEvent> events,
        MetricsPeriod period,
        MetricSet metrics = MetricSet.All,
        CohortGranularity cohortGranularity = CohortGranularity.Week,
        RetentionKind retentionKind = RetentionKind.FirstTime)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (period.Days == 0)
        {
            throw new MetricsException(ErrorCodes.MetricsInvalidPeriod, "The metrics period is empty (default); create it with a start and a later end.");
        }

        var calendar = new ZonedCalendar(TimeZone);
        var pass = new MetricsPass(
            period,
            calendar,
            metrics.HasFlag(MetricSet.Funnel) ? new FunnelAccumulator(_funnelStages, period, _conversionWindow) : null,
            metrics.HasFlag(MetricSet.Retention) ? new RetentionAccumulator(period, cohortGranularity, retentionKind, _firstDayOfWeek) : null,
            metrics.HasFlag(MetricSet.ActiveUsers) ? new ActiveUsersAccumulator(period) : null,
            metrics.HasFlag(MetricSet.Sales) ? new SalesAccumulator(period, Currency) : null,
            metrics.HasFlag(MetricSet.Renewals) ? new RenewalAccumulator(period, calendar, _renewalGrace) : null,
            (metrics & (MetricSet.Aarrr | MetricSet.Segments)) != 0 ? new AarrrAccumulator(period, calendar, Currency, _activationSignal, _activationStage, _activationWindow, _grossMargin) : null,
            metrics.HasFlag(MetricSet.Segments) ? new SegmentAccumulator(period, Currency, _grossMargin) : null,
            metrics.HasFlag(MetricSet.Aarrr),
            Currency);
        if (events is IDomainEvent[] array)
        {
            foreach (var @event in array)
            {
                pass.Add(@event);
            }
        }
        else
        {
            foreach (var @event in events)
            {
                pass.Add(@event);
            }
        }

        return pass.Build();
    }

    /// <summary>The value-chain funnel of a period (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period members entered the funnel in.</param>
    /// <returns>The funnel.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public FunnelReport Funnel(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.Funnel).Funnel!;

    /// <summary>The retention cohorts of a period (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period whose activity counts.</param>
    /// <param name="granularity">Days, weeks or months.</param>
    /// <param name="kind">First-time or recurring cohorts.</param>
    /// <returns>The cohorts.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public RetentionReport Retention(IEnumerable<IDomainEvent> events, MetricsPeriod period, CohortGranularity granularity, RetentionKind kind = RetentionKind.FirstTime) =>
        Compute(events, period, MetricSet.Retention, granularity, kind).Retention!;

    /// <summary>DAU, WAU, MAU and DAU/MAU for every day of a period (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The days to report.</param>
    /// <returns>The daily counts.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public ActiveUsersReport ActiveUsers(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.ActiveUsers).ActiveUsers!;

    /// <summary>Sales of a period by channel with traffic, conversion (distinct buyers ÷ traffic), orders per buyer and average order value (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period.</param>
    /// <returns>The sales.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public SalesReport Sales(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.Sales).Sales!;

    /// <summary>Renewal rates of the membership terms that ended in a period (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The days the terms ended in.</param>
    /// <returns>The renewal rates.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public RenewalReport Renewals(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.Renewals).Renewals!;

    /// <summary>AARRR with churn, lifetime value, referral share and the K-factors for a period (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period.</param>
    /// <returns>The pirate metrics.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public AarrrReport Aarrr(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.Aarrr).Aarrr!;

    /// <summary>
    /// Orders of a period by the membership tier and the value-chain stage held at the time of each order, with
    /// purchase frequency, average order value, revenue and lifetime value per segment (one pass over the events).
    /// </summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period.</param>
    /// <returns>The segments.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public SegmentReport Segments(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.Segments).Segments!;
}
