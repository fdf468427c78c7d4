namespace CommunityModel.Memberships;

/// <summary>
/// The member was suspended, e.g. for breaking group rules (规章制度). While suspended the member cannot use
/// entitlements, renew, upgrade, buy a new term or buy promoter rights; the paid term keeps running. Stage: Suspended.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record MembershipSuspended(MemberId MemberId, string Reason, DateTimeOffset OccurredAt) : IMembershipEvent;
