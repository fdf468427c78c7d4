namespace CommunityModel.Metrics;

/// <summary>
/// A membership term was bought: a first purchase, a renewal (续费 / 续班) or an upgrade. The renewal rate compares
/// each term's end with the member's next term; the membership events (purchased, renewed, upgraded) map onto it.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Tier">The tier of the term, e.g. <c>VIP</c> or <c>KA</c>.</param>
/// <param name="StartsAt">When the term starts.</param>
/// <param name="EndsAt">When the term ends; after <paramref name="StartsAt"/>.</param>
/// <param name="OccurredAt">When the term was bought.</param>
public sealed record MembershipTermStarted(MemberId Member, string Tier, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset OccurredAt) : IDomainEvent;
