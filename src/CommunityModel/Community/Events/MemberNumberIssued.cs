namespace CommunityModel;

/// <summary>A member was given a member number (会员编号) when their first membership started.</summary>
/// <param name="Member">The member.</param>
/// <param name="Number">The number issued, as printed (e.g. <c>VIP-000001</c>).</param>
/// <param name="OccurredAt">When it was issued.</param>
public sealed record MemberNumberIssued(MemberId Member, string Number, DateTimeOffset OccurredAt) : IDomainEvent;
