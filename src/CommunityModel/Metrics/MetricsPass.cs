using CommunityModel.Lifecycle;

namespace CommunityModel.Metrics;

/// <summary>
/// One pass of <see cref="CommunityMetrics.Compute"/>: checks each event (order, member, fact), works out its local
/// day once, and hands it to the accumulators that were asked for.
/// </summary>
internal sealed class MetricsPass(
    MetricsPeriod period,
    ZonedCalendar calendar,
    FunnelAccumulator? funnel,
    RetentionAccumulator? retention,
    ActiveUsersAccumulator? active,
    SalesAccumulator? sales,
    RenewalAccumulator? renewals,
    AarrrAccumulator? aarrr,
    Currency currency)
{
    private readonly MemberIndex _members = new();
    private long _previous = long.MinValue;
    private long _position;

    internal void Add(IDomainEvent @event)
    {
        if (@event is null)
        {
            throw new MetricsException(ErrorCodes.MetricsInvalidFact, $"Event #{_position} is null.");
        }

        var ticks = @event.OccurredAt.UtcTicks;
        if (ticks < _previous)
        {
            throw new MetricsException(
                ErrorCodes.MetricsEventsOutOfOrder,
                $"Event #{_position} ({@event.GetType().Name} at {@event.OccurredAt:O}) is earlier than the event before it ({new DateTimeOffset(_previous, TimeSpan.Zero):O}); hand the events over in the order they happened.");
        }

        _previous = ticks;
        switch (@event)
        {
            case ActivityRecorded activity:
                OnActivity(Member(activity.Member, activity), calendar.DayNumber(activity.OccurredAt), ticks, ActivationSignal.Activity);
                break;

            case MemberTransitioned transition:
                {
                    var member = Member(transition.Member, transition);
                    var day = calendar.DayNumber(transition.OccurredAt);
                    funnel?.OnTransition(transition, member, day);
                    aarrr?.OnTransition(transition, member, day);
                    break;
                }

            case AttendanceRecorded attendance:
                RequireText(attendance.ActivityId, "ActivityId", attendance);
                RequireText(attendance.GroupId, "GroupId", attendance);
                OnActivity(Member(attendance.Member, attendance), calendar.DayNumber(attendance.OccurredAt), ticks, ActivationSignal.Attendance);
                break;

            case PurchaseMade purchase:
                {
                    var member = Member(purchase.Member, purchase);
                    RequireText(purchase.Channel, "Channel", purchase);
                    if (purchase.Amount.Currency != currency || purchase.Amount.MinorUnits <= 0)
                    {
                        throw Invalid(purchase, $"its amount {purchase.Amount} must be positive and in {currency}");
                    }

                    var day = calendar.DayNumber(purchase.OccurredAt);
                    retention?.OnActivity(member, day);
                    active?.OnActivity(member, day);
                    sales?.OnPurchase(purchase, member, day);
                    aarrr?.OnPurchase(purchase, member, day);
                    break;
                }

            case TrafficRecorded traffic:
                RequireText(traffic.Channel, "Channel", traffic);
                if (traffic.Visits < 0)
                {
                    throw Invalid(traffic, $"its visits ({traffic.Visits}) must be zero or more");
                }

                sales?.OnTraffic(traffic, calendar.DayNumber(traffic.OccurredAt));
                break;

            case MembershipTermStarted term:
                {
                    var member = Member(term.Member, term);
                    RequireText(term.Tier, "Tier", term);
                    if (term.EndsAt <= term.StartsAt)
                    {
                        throw Invalid(term, $"it ends ({term.EndsAt:O}) before it starts ({term.StartsAt:O})");
                    }

                    renewals?.OnTermStarted(term, member);
                    break;
                }

            case ReferralRecorded referral:
                if (referral.Referrer.IsEmpty || referral.Referred.IsEmpty || referral.Referrer == referral.Referred)
                {
                    throw Invalid(referral, $"it needs two different members; got {referral.Referrer} referring {referral.Referred}");
                }

                aarrr?.OnReferral(_members.IndexOf(referral.Referred));
                break;
        }

        _position++;
    }

    internal MetricsReport Build() =>
        new(period, funnel?.Build(), retention?.Build(), active?.Build(), sales?.Build(), renewals?.Build(), aarrr?.Build());

    private void OnActivity(int member, int day, long ticks, ActivationSignal kind)
    {
        retention?.OnActivity(member, day);
        active?.OnActivity(member, day);
        aarrr?.OnActivity(member, day, ticks, kind);
    }

    /// <summary>The dense index of an event's member; an event naming no member is refused.</summary>
    private int Member(MemberId member, IDomainEvent @event) =>
        member.IsEmpty ? throw Invalid(@event, "it names no member (default MemberId)") : _members.IndexOf(member);

    private void RequireText(string? text, string name, IDomainEvent @event)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(@event, $"its {name} is blank");
        }
    }

    private MetricsException Invalid(IDomainEvent @event, string problem) =>
        new(ErrorCodes.MetricsInvalidFact, $"Event #{_position} ({@event.GetType().Name} at {@event.OccurredAt:O}) is unusable: {problem}.");
}
