namespace CommunityModel.Referrals;

/// <summary>A member and its sponsor (推荐人), the input of a <see cref="NetworkSnapshot"/>.</summary>
/// <param name="Member">The member.</param>
/// <param name="Sponsor">The member who referred it; <c>default</c> when it has none (a root of the network).</param>
public readonly record struct ReferralLink(MemberId Member, MemberId Sponsor);
