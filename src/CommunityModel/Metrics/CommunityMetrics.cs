using System.Collections.Immutable;
using CommunityModel.Lifecycle;
using Microsoft.Extensions.Options;

namespace CommunityModel.Metrics;

/// <summary>
/// Computes community metrics from the domain events, in one pass, with days, weeks and months counted in the
/// configured time zone: the value-chain funnel, retention cohorts, DAU / WAU / MAU, sales by channel, renewal
/// rates, and AARRR with churn, lifetime value, referral share and K-factor.
/// </summary>
/// <remarks>
/// The events are read once, in the order given, which must be the order they happened (<c>OccurredAt</c> never
/// goes back); events before the period matter (who was already a customer, the rolling windows, last period's
/// activity) and so do events after it (conversions within the window, renewals within the grace). The work
/// state grows with the number of members, not events. Reads <see cref="MemberTransitioned"/>,
/// <see cref="PurchaseMade"/>, <see cref="TrafficRecorded"/>, <see cref="ActivityRecorded"/>,
/// <see cref="AttendanceRecorded"/>, <see cref="MembershipTermStarted"/> and <see cref="ReferralRecorded"/>;
/// other events are skipped. Thread-safe: every call works on its own state.
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
        var failures = MetricsOptionsValidator.Failures(options);
        if (failures.Count > 0)
        {
            throw new MetricsException(ErrorCodes.MetricsInvalidOptions, "The metrics options are invalid: " + string.Join(" ", failures));
        }

        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        Currency = Currency.FromCode(options.Currency);
        _firstDayOfWeek = options.FirstDayOfWeek;
        _funnelStages = [.. options.FunnelStages];
        _conversionWindow = TimeSpan.FromDays(options.ConversionWindowDays);
        _activationSignal = options.ActivationSignal;
        _activationStage = options.ActivationStage;
        _activationWindow = TimeSpan.FromDays(options.ActivationWithinDays);
        _renewalGrace = TimeSpan.FromDays(options.RenewalGraceDays);
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
    /// (<c>metrics.events_out_of_order</c>) or a fact is unusable (<c>metrics.invalid_fact</c>).
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
        var members = new MemberIndex();
        var funnel = metrics.HasFlag(MetricSet.Funnel) ? new FunnelAccumulator(_funnelStages, period, _conversionWindow) : null;
        var retention = metrics.HasFlag(MetricSet.Retention) ? new RetentionAccumulator(period, cohortGranularity, retentionKind, _firstDayOfWeek) : null;
        var active = metrics.HasFlag(MetricSet.ActiveUsers) ? new ActiveUsersAccumulator(period) : null;
        var sales = metrics.HasFlag(MetricSet.Sales) ? new SalesAccumulator(period, Currency) : null;
        var renewals = metrics.HasFlag(MetricSet.Renewals) ? new RenewalAccumulator(period, calendar, _renewalGrace) : null;
        var aarrr = metrics.HasFlag(MetricSet.Aarrr) ? new AarrrAccumulator(period, calendar, Currency, _activationSignal, _activationStage, _activationWindow) : null;

        var previous = long.MinValue;
        var position = 0L;
        foreach (var @event in events)
        {
            if (@event is null)
            {
                throw new MetricsException(ErrorCodes.MetricsInvalidFact, $"Event #{position} is null.");
            }

            var ticks = @event.OccurredAt.UtcTicks;
            if (ticks < previous)
            {
                throw new MetricsException(
                    ErrorCodes.MetricsEventsOutOfOrder,
                    $"Event #{position} ({@event.GetType().Name} at {@event.OccurredAt:O}) is earlier than the event before it ({new DateTimeOffset(previous, TimeSpan.Zero):O}); hand the events over in the order they happened.");
            }

            previous = ticks;
            switch (@event)
            {
                case MemberTransitioned transition:
                    {
                        var member = members.IndexOf(Member(transition.Member, position, transition));
                        var day = calendar.DayNumber(transition.OccurredAt);
                        funnel?.OnTransition(transition, member, day);
                        aarrr?.OnTransition(transition, member, day);
                        break;
                    }

                case ActivityRecorded activity:
                    OnActivity(members.IndexOf(Member(activity.Member, position, activity)), calendar.DayNumber(activity.OccurredAt), ticks, ActivationSignal.Activity);
                    break;

                case AttendanceRecorded attendance:
                    RequireText(attendance.ActivityId, "ActivityId", position, attendance);
                    RequireText(attendance.GroupId, "GroupId", position, attendance);
                    OnActivity(members.IndexOf(Member(attendance.Member, position, attendance)), calendar.DayNumber(attendance.OccurredAt), ticks, ActivationSignal.Attendance);
                    break;

                case PurchaseMade purchase:
                    {
                        var member = members.IndexOf(Member(purchase.Member, position, purchase));
                        RequireText(purchase.Channel, "Channel", position, purchase);
                        if (purchase.Amount.Currency != Currency || purchase.Amount.MinorUnits <= 0)
                        {
                            throw Invalid(position, purchase, $"its amount {purchase.Amount} must be positive and in {Currency}");
                        }

                        var day = calendar.DayNumber(purchase.OccurredAt);
                        retention?.OnActivity(member, day);
                        active?.OnActivity(member, day);
                        sales?.OnPurchase(purchase, member, day);
                        aarrr?.OnPurchase(purchase, member, day);
                        break;
                    }

                case TrafficRecorded traffic:
                    RequireText(traffic.Channel, "Channel", position, traffic);
                    if (traffic.Visits < 0)
                    {
                        throw Invalid(position, traffic, $"its visits ({traffic.Visits}) must be zero or more");
                    }

                    sales?.OnTraffic(traffic, calendar.DayNumber(traffic.OccurredAt));
                    break;

                case MembershipTermStarted term:
                    {
                        var member = members.IndexOf(Member(term.Member, position, term));
                        RequireText(term.Tier, "Tier", position, term);
                        if (term.EndsAt <= term.StartsAt)
                        {
                            throw Invalid(position, term, $"it ends ({term.EndsAt:O}) before it starts ({term.StartsAt:O})");
                        }

                        renewals?.OnTermStarted(term, member);
                        break;
                    }

                case ReferralRecorded referral:
                    Member(referral.Referrer, position, referral);
                    if (Member(referral.Referred, position, referral) == referral.Referrer)
                    {
                        throw Invalid(position, referral, $"member {referral.Referrer} cannot refer themself");
                    }

                    aarrr?.OnReferral(members.IndexOf(referral.Referred));
                    break;
            }

            position++;
        }

        return new MetricsReport(period, funnel?.Build(), retention?.Build(), active?.Build(), sales?.Build(), renewals?.Build(), aarrr?.Build());

        void OnActivity(int member, int day, long at, ActivationSignal kind)
        {
            retention?.OnActivity(member, day);
            active?.OnActivity(member, day);
            aarrr?.OnActivity(member, day, at, kind);
        }
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

    /// <summary>Sales of a period by channel with traffic, conversion and average order value (one pass over the events).</summary>
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

    /// <summary>AARRR with churn, lifetime value, referral share and K-factor for a period (one pass over the events).</summary>
    /// <param name="events">The domain events, in the order they happened.</param>
    /// <param name="period">The period.</param>
    /// <returns>The pirate metrics.</returns>
    /// <exception cref="MetricsException">As for <see cref="Compute"/>.</exception>
    public AarrrReport Aarrr(IEnumerable<IDomainEvent> events, MetricsPeriod period) => Compute(events, period, MetricSet.Aarrr).Aarrr!;

    private static MemberId Member(MemberId member, long position, IDomainEvent @event) =>
        member.IsEmpty ? throw Invalid(position, @event, "it names no member (default MemberId)") : member;

    private static void RequireText(string? text, string name, long position, IDomainEvent @event)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(position, @event, $"its {name} is blank");
        }
    }

    private static MetricsException Invalid(long position, IDomainEvent @event, string problem) =>
        new(ErrorCodes.MetricsInvalidFact, $"Event #{position} ({@event.GetType().Name} at {@event.OccurredAt:O}) is unusable: {problem}.");
}
