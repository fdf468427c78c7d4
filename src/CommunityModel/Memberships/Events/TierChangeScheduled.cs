namespace CommunityModel.Memberships;

/// <summary>A downgrade (or an upgrade under <see cref="UpgradeTiming.AtTermEnd"/>) will take effect at the next renewal.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="ToTierId">The tier of the next term.</param>
/// <param name="EffectiveOn">The first day of the next term if renewed on time: the end of the paid terms.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record TierChangeScheduled(MemberId MemberId, string ToTierId, DateOnly EffectiveOn, DateTimeOffset OccurredAt) : IMembershipEvent;
