using CommunityModel.MemberNumbers;

namespace CommunityModel;

/// <summary>A member was given a member number (会员编号) when their first membership started.</summary>
/// <param name="Member">The member.</param>
/// <param name="Number">The number issued.</param>
/// <param name="OccurredAt">When it was issued.</param>
public sealed record MemberNumberIssued(MemberId Member, MemberNumber Number, DateTimeOffset OccurredAt) : IDomainEvent;
