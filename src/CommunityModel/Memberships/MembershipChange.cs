using System.Collections.Immutable;

namespace CommunityModel.Memberships;

/// <summary>The result of an operation: the membership after it and the events to store, in order.</summary>
/// <param name="Membership">The membership after the change.</param>
/// <param name="Events">What happened, in order; applying them to the membership before the change gives <paramref name="Membership"/>.</param>
public sealed record MembershipChange(Membership Membership, ImmutableArray<IMembershipEvent> Events);
