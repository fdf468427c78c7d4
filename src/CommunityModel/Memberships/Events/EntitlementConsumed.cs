namespace CommunityModel.Memberships;

/// <summary>The member used an entitlement once (e.g. attended the offline course). The idempotency key makes a repeated report one use.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ProductId">The product.</param>
/// <param name="IdempotencyKey">The integrator's key of the use, e.g. the attendance record id.</param>
/// <param name="Validity">The term of the grant that was used.</param>
/// <param name="On">The day of use.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record EntitlementConsumed(MemberId MemberId, string ProductId, string IdempotencyKey, TermPeriod Validity, DateOnly On, DateTimeOffset OccurredAt) : IMembershipEvent;
