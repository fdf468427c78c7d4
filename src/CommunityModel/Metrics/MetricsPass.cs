using CommunityModel.Lifecycle;
using CommunityModel.Memberships;

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
    SegmentAccumulator? segments,
    bool reportAarrr,
    Currency currency)
{
    private readonly MemberIndex _members = new();
    private readonly InvitationBook _invitations = new(period);
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
                    segments?.OnTransition(transition, member);
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
                    RequireAmount(purchase.Amount, purchase);
                    OnPurchase(purchase, member);
                    break;
                }

            case MembershipPurchased purchased:
                OnTermBought(purchased, purchased.TierId, purchased.Term, purchased.Paid);
                break;

            case MembershipRenewed renewed:
                OnTermBought(renewed, renewed.TierId, renewed.Term, renewed.Paid);
                break;

            case MembershipUpgraded upgraded:
                {
                    var member = Member(upgraded.MemberId, upgraded);
                    RequireText(upgraded.ToTierId, "ToTierId", upgraded);
                    var (_, ends) = TermTimes(upgraded.Term, upgraded);
                    OnPayment(upgraded, upgraded.MemberId, member, upgraded.Charged, SalesReport.MembershipChannel);
                    renewals?.OnTermChanged(member, upgraded.ToTierId, ends);
                    segments?.OnTermChanged(member, upgraded.ToTierId, ends);
                    break;
                }

            case PromoterRightsGranted { Paid: { IsPositive: true } paid } rights:
                OnPayment(rights, rights.MemberId, Member(rights.MemberId, rights), paid, SalesReport.MembershipChannel); // promoter rights bought on their own (the gift pack bought by a member)
                break;

            case MembershipRefunded refunded:
                {
                    var member = Member(refunded.MemberId, refunded);
                    renewals?.OnTermsCancelled(member);
                    segments?.OnTermsCancelled(member);
                    break;
                }

            case ProductPurchased product:
                {
                    var member = Member(product.Member, product);
                    RequireText(product.OrderId, "OrderId", product);
                    RequireText(product.ProductId, "ProductId", product);
                    OnPayment(product, product.Member, member, product.Paid, SalesReport.ProductChannel);
                    break;
                }

            case ProductRefunded refund:
                {
                    var member = Member(refund.Member, refund);
                    RequireText(refund.OrderId, "OrderId", refund);
                    RequireText(refund.RefundId, "RefundId", refund);
                    RequireAmount(refund.Amount, refund);
                    var day = calendar.DayNumber(refund.OccurredAt);
                    sales?.OnRefund(refund.Amount, day);
                    aarrr?.OnRefund(refund.Amount, day);
                    segments?.OnRefund(member, refund.Amount, ticks, day);
                    break;
                }

            case InvitationSent sent:
                {
                    var inviter = Member(sent.Inviter, sent);
                    RequireText(sent.InvitationId, "InvitationId", sent);
                    if (!_invitations.TrySend(sent.InvitationId, inviter, calendar.DayNumber(sent.OccurredAt)))
                    {
                        throw Invalid(sent, $"invitation '{sent.InvitationId}' was sent before; an invitation id is sent once");
                    }

                    break;
                }

            case InvitationAccepted accepted:
                OnInvitationAccepted(accepted);
                break;

            case MembershipExpired expired:
                Member(expired.MemberId, expired); // the term's end is known from its start; expiry settles nothing new
                break;

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
                    segments?.OnTermStarted(member, term.Tier, term.StartsAt, term.EndsAt);
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

    internal MetricsReport Build()
    {
        var pirate = aarrr?.Build(_invitations.Sent, _invitations.Accepted);
        return new(period, funnel?.Build(), retention?.Build(), active?.Build(), sales?.Build(), renewals?.Build(), reportAarrr ? pirate : null, segments?.Build(pirate?.Churn));
    }

    private void OnPurchase(PurchaseMade purchase, int member)
    {
        var day = calendar.DayNumber(purchase.OccurredAt);
        retention?.OnActivity(member, day);
        active?.OnActivity(member, day);
        sales?.OnPurchase(purchase, member, day);
        aarrr?.OnPurchase(purchase, member, day);
        segments?.OnPurchase(member, purchase.Amount, purchase.OccurredAt.UtcTicks, day);
    }

    /// <summary>
    /// A term bought at the membership desk (a purchase or a renewal): its cash is a purchase, placed under the tier
    /// held before it, and then it starts a term.
    /// </summary>
    private void OnTermBought(IMembershipEvent @event, string tierId, TermPeriod term, Money paid)
    {
        var member = Member(@event.MemberId, @event);
        RequireText(tierId, "TierId", @event);
        var (starts, ends) = TermTimes(term, @event);
        OnPayment(@event, @event.MemberId, member, paid, SalesReport.MembershipChannel);
        renewals?.OnTermStarted(member, tierId, starts, ends);
        segments?.OnTermStarted(member, tierId, starts, ends);
    }

    /// <summary>
    /// A payment the library recorded (a membership term or upgrade, a product order) is a purchase on its channel; a
    /// term paid with credit alone, or anything given free, is none.
    /// </summary>
    private void OnPayment(IDomainEvent @event, MemberId memberId, int member, Money paid, string channel)
    {
        if (paid.Currency != currency || paid.IsNegative)
        {
            throw Invalid(@event, $"its payment {paid} must be zero or more and in {currency}");
        }

        if (paid.IsPositive)
        {
            OnPurchase(new PurchaseMade(memberId, paid, channel, @event.OccurredAt), member);
        }
    }

    /// <summary>An acceptance must name an invitation sent earlier, not yet accepted, by someone else.</summary>
    private void OnInvitationAccepted(InvitationAccepted accepted)
    {
        RequireText(accepted.InvitationId, "InvitationId", accepted);
        var invitee = Member(accepted.Invitee, accepted);
        switch (_invitations.Find(accepted.InvitationId))
        {
            case null:
                throw new MetricsException(
                    ErrorCodes.MetricsUnknownInvitation,
                    $"Event #{_position} (InvitationAccepted at {accepted.OccurredAt:O}) accepts invitation '{accepted.InvitationId}', which no earlier InvitationSent sent; hand over the invitation before its acceptance.");
            case { Accepted: true }:
                throw Invalid(accepted, $"invitation '{accepted.InvitationId}' was accepted before; an invitation is accepted once");
            case { Inviter: var inviter } when inviter == invitee:
                throw Invalid(accepted, $"invitation '{accepted.InvitationId}' is accepted by its own inviter {accepted.Invitee}");
        }

        _invitations.Accept(accepted.InvitationId);
    }

    private void RequireAmount(Money amount, IDomainEvent @event)
    {
        if (amount.Currency != currency || amount.MinorUnits <= 0)
        {
            throw Invalid(@event, $"its amount {amount} must be positive and in {currency}");
        }
    }

    /// <summary>A term's dates as the instants its first and its first uncovered day start, in the metrics' time zone.</summary>
    private (DateTimeOffset Starts, DateTimeOffset Ends) TermTimes(TermPeriod term, IDomainEvent @event) =>
        term.End > term.Start
            ? (calendar.StartOf(term.Start), calendar.StartOf(term.End))
            : throw Invalid(@event, $"its term {term} ends before it starts");

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
