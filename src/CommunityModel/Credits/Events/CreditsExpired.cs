namespace CommunityModel.Credits;

/// <summary>What was left of a lot expired.</summary>
/// <param name="Member">The member.</param>
/// <param name="OrderId">The order that earned the lot.</param>
/// <param name="Credits">The credits that expired: all that was left of the lot.</param>
/// <param name="OccurredAt">When the expiry was recorded (at or after the lot's expiry).</param>
public sealed record CreditsExpired(MemberId Member, string OrderId, long Credits, DateTimeOffset OccurredAt) : ICreditEvent;
