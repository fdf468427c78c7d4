namespace CommunityModel.Orleans.Events;

/// <summary>
/// One follow-up a member's stream sent, as the stream stores it until delivered: exactly one of the four is set.
/// </summary>
/// <param name="OrderPaid">An order to be paid on the buyer's upline.</param>
/// <param name="OrderRefunded">A refund to be reversed by its order.</param>
/// <param name="Referral">A referral's first membership, for the sponsor's stream.</param>
/// <param name="MemberNumber">A member number to issue.</param>
public sealed record MemberFollowUp(
    OrderPaidFollowUp? OrderPaid = null,
    OrderRefundedFollowUp? OrderRefunded = null,
    ReferralFollowUp? Referral = null,
    MemberNumberFollowUp? MemberNumber = null)
{
    /// <summary>The stored form of a follow-up.</summary>
    /// <param name="followUp">What the member's stream decided.</param>
    /// <returns>The stored form.</returns>
    /// <exception cref="ArgumentException">A follow-up the cluster does not deliver.</exception>
    public static MemberFollowUp Of(FollowUp followUp) => followUp switch
    {
        OrderPaidFollowUp f => new(OrderPaid: f),
        OrderRefundedFollowUp f => new(OrderRefunded: f),
        ReferralFollowUp f => new(Referral: f),
        MemberNumberFollowUp f => new(MemberNumber: f),
        _ => throw new ArgumentException($"{followUp?.GetType().Name ?? "A missing follow-up"} is not a follow-up the cluster delivers.", nameof(followUp)),
    };

    /// <summary>The follow-up stored.</summary>
    /// <returns>The one that is set.</returns>
    public FollowUp ToFollowUp() => (FollowUp?)OrderPaid ?? (FollowUp?)OrderRefunded ?? (FollowUp?)Referral ?? MemberNumber
        ?? throw new InvalidOperationException("A stored follow-up holds none of the four kinds.");
}
