namespace CommunityModel;

/// <summary>
/// A member's first membership started and the member has no member number (会员编号) yet: the issuer, the one place
/// numbers are counted, issues the next number of <see cref="Category"/> and the member's stream records it
/// (<see cref="MemberNumberIssued"/>). Idempotent by the member: a member numbered already is not numbered again.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Category">The numbering category: the membership tier when it has a prefix of its own, or the default category.</param>
/// <param name="OccurredAt">When the membership started.</param>
public sealed record MemberNumberFollowUp(MemberId Member, string Category, DateTimeOffset OccurredAt) : FollowUp;
