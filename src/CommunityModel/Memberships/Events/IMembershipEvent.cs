namespace CommunityModel.Memberships;

/// <summary>
/// A change to one member's membership. Events are immutable facts for the integrator to store;
/// <see cref="Membership.Replay(IEnumerable{IMembershipEvent})"/> rebuilds the membership from them.
/// </summary>
/// <remarks>
/// The events that change a member's stage in the value chain are <see cref="MembershipPurchased"/>
/// (becomes a Member), <see cref="MembershipRenewed"/> (a Member again after lapsing),
/// <see cref="MembershipExpired"/> (lapses), <see cref="MembershipRefunded"/> (back to Customer),
/// <see cref="MembershipSuspended"/> and <see cref="MembershipReinstated"/> (suspended and back),
/// <see cref="PromoterRightsGranted"/> (becomes a member-promoter) and <see cref="PromoterRightsRevoked"/> (no longer one).
/// </remarks>
public interface IMembershipEvent : IDomainEvent
{
    /// <summary>The member whose membership changed.</summary>
    MemberId MemberId { get; }
}
