namespace CommunityModel.Referrals;

/// <summary>
/// A member this member referred started their first membership (转介绍成交): recorded in the sponsor's own stream, it
/// counts towards the sponsor's partner qualification (合伙人: successful referrals). It is the sponsor's side of the
/// referral's <see cref="Memberships.MembershipPurchased"/>, so a sponsor's state never has to be derived from another
/// member's events.
/// </summary>
/// <param name="Sponsor">The sponsor credited with the referral.</param>
/// <param name="Referral">The referred member who bought the membership.</param>
/// <param name="OrderId">The order that paid for it.</param>
/// <param name="OccurredAt">When the membership was bought.</param>
public sealed record ReferralMembershipStarted(MemberId Sponsor, MemberId Referral, string OrderId, DateTimeOffset OccurredAt) : IDomainEvent;
