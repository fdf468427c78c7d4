using CommunityModel.Referrals;

namespace CommunityModel;

/// <summary>
/// A referral started their first membership: the sponsor's stream records <see cref="Started"/> and checks whether the
/// sponsor now qualifies as a partner (<see cref="MemberStream.Decide(MemberStreamState, ReferralMembershipStarted)"/>).
/// Idempotent by the referral and the order.
/// </summary>
/// <param name="Started">The event the sponsor's stream records.</param>
public sealed record ReferralFollowUp(ReferralMembershipStarted Started) : FollowUp;
