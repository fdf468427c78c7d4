namespace CommunityModel.Metrics;

/// <summary>
/// The pirate metrics of a period — acquisition, activation, retention, revenue, referral — with churn and
/// lifetime value. The definitions are in <c>docs/metrics.md</c> and on each property.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Acquired">Acquisition: members registered on the value chain in the period (<c>Registered</c> transitions).</param>
/// <param name="Activated">Activation: of those, members who met the activation rule (<see cref="MetricsOptions.ActivationSignal"/> within <see cref="MetricsOptions.ActivationWithinDays"/> of registering).</param>
/// <param name="PreviouslyActive">Members active in the previous period of the same length.</param>
/// <param name="Returned">Retention: of those, members active again in this period.</param>
/// <param name="Revenue">Revenue: what was paid in the period less the product refunds made in it (net revenue).</param>
/// <param name="Buyers">Distinct members who paid in the period.</param>
/// <param name="RepeatBuyers">Buyers who paid at least twice in the period.</param>
/// <param name="PayingAtStart">Members in a paying stage (Member or Partner) when the period started.</param>
/// <param name="Churned">Of those, members who left the paying stages during the period (to Lapsed, Customer on a refund, or Removed).</param>
/// <param name="CustomersAtStart">Members who had paid before the period started.</param>
/// <param name="NewCustomers">Members whose first purchase ever fell in the period.</param>
/// <param name="ReferredNewCustomers">Referral: of those, members referred by another member before or when they first paid.</param>
/// <param name="ActiveMembers">Members active in the period (an activity, an attendance or a purchase).</param>
/// <param name="InvitationsSent">Invitations sent in the period (<see cref="InvitationSent"/>).</param>
/// <param name="InvitationsAccepted">Of those, invitations accepted (<see cref="InvitationAccepted"/>), in the period or after it.</param>
/// <param name="GrossMargin">The gross margin of <see cref="MarginLifetimeValue"/> (<see cref="MetricsOptions.GrossMargin"/>).</param>
public sealed record AarrrReport(
    MetricsPeriod Period,
    long Acquired,
    long Activated,
    long PreviouslyActive,
    long Returned,
    Money Revenue,
    long Buyers,
    long RepeatBuyers,
    long PayingAtStart,
    long Churned,
    long CustomersAtStart,
    long NewCustomers,
    long ReferredNewCustomers,
    long ActiveMembers,
    long InvitationsSent,
    long InvitationsAccepted,
    Rate GrossMargin)
{
    /// <summary>Activated ÷ acquired; null when nobody was acquired.</summary>
    public Rate? ActivationRate => Acquired == 0 ? null : Rate.Of(Activated, Acquired);

    /// <summary>Period-over-period retention: returned ÷ previously active; null when nobody was active before.</summary>
    public Rate? RetentionRate => PreviouslyActive == 0 ? null : Rate.Of(Returned, PreviouslyActive);

    /// <summary>Average revenue per paying member: revenue ÷ buyers, rounded half up to the minor unit; null without buyers.</summary>
    public Money? AverageRevenuePerBuyer => Buyers == 0 ? null : Revenue.Divide(Buyers);

    /// <summary>Repeat-purchase rate (复购率): repeat buyers ÷ buyers; null without buyers.</summary>
    public Rate? RepeatPurchaseRate => Buyers == 0 ? null : Rate.Of(RepeatBuyers, Buyers);

    /// <summary>Churn: churned ÷ paying at start; null when nobody was paying at the start.</summary>
    public Rate? Churn => PayingAtStart == 0 ? null : Rate.Of(Churned, PayingAtStart);

    /// <summary>
    /// Lifetime value, LTV = ARPU ÷ churn, with ARPU = <see cref="AverageRevenuePerBuyer"/> and churn of the same
    /// period: what a paying member brings over an expected lifetime of 1 ÷ churn periods. Null when churn is zero or
    /// unknown (the lifetime would be unbounded) or there were no buyers. Rounded half up to the minor unit.
    /// </summary>
    public Money? LifetimeValue => Lifetime.Value(Revenue, Buyers, Churn, Rate.One);

    /// <summary>
    /// Lifetime value on gross profit: ARPU × <see cref="GrossMargin"/> (rounded half up to the minor unit) ÷ churn — what
    /// a paying member leaves after the cost of what they bought. Equal to <see cref="LifetimeValue"/> at a margin of
    /// 100%; null when it is.
    /// </summary>
    public Money? MarginLifetimeValue => Lifetime.Value(Revenue, Buyers, Churn, GrossMargin);

    /// <summary>Referral share of new customers (转介绍占比): referred new customers ÷ new customers; null without new customers.</summary>
    public Rate? ReferralShare => NewCustomers == 0 ? null : Rate.Of(ReferredNewCustomers, NewCustomers);

    /// <summary>
    /// The referral coefficient (K-factor): referred new customers ÷ customers at the start — new paying customers each
    /// existing customer brought in the period. Above 1 the community grows by itself (the self-cycle, 客户自循环).
    /// Null when there were no customers at the start. A coefficient, not a share, so it is not a <see cref="Rate"/>.
    /// </summary>
    public decimal? KFactor => CustomersAtStart == 0 ? null : (decimal)ReferredNewCustomers / CustomersAtStart;

    /// <summary>Invitations per member: invitations sent in the period ÷ members active in it; null when nobody was active.</summary>
    public decimal? InvitesPerMember => ActiveMembers == 0 ? null : (decimal)InvitationsSent / ActiveMembers;

    /// <summary>Invitation acceptance: accepted ÷ sent (matched by invitation id); null when no invitation was sent.</summary>
    public Rate? InvitationAcceptance => InvitationsSent == 0 ? null : Rate.Of(InvitationsAccepted, InvitationsSent);

    /// <summary>
    /// The viral coefficient from invitations: K = <see cref="InvitesPerMember"/> × <see cref="InvitationAcceptance"/>,
    /// which is accepted ÷ active members — the newcomers each active member brought through invitations. Counts people
    /// who joined, where <see cref="KFactor"/> counts referred customers who paid; null when either factor is.
    /// </summary>
    public decimal? InvitationKFactor => ActiveMembers == 0 || InvitationsSent == 0 ? null : (decimal)InvitationsAccepted / ActiveMembers;
}
