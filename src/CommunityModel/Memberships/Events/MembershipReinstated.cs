namespace CommunityModel.Memberships;

/// <summary>A suspended member was reinstated; the membership can be used again. Stage: back to the stage suspended from.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Reason">Why, e.g. the review that lifted the suspension.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record MembershipReinstated(MemberId MemberId, string Reason, DateTimeOffset OccurredAt) : IMembershipEvent;
