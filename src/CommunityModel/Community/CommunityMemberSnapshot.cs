using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Referrals;

namespace CommunityModel;

/// <summary>One member in a <see cref="CommunitySnapshot"/>: the fields of <see cref="CommunityMember"/>, each part as its own snapshot.</summary>
/// <param name="Id">The member id.</param>
/// <param name="Lifecycle">The member's place on the value chain.</param>
/// <param name="Membership">The membership, when the member ever held one.</param>
/// <param name="Number">The member number as printed, when issued.</param>
/// <param name="NetSpent">Everything paid, less refunds.</param>
/// <param name="LastActiveAt">The last recorded activity.</param>
/// <param name="QualifiedBy">What made the member a promoter, when the community did.</param>
/// <param name="QualifyingOrder">The order or tier that qualified the member.</param>
/// <param name="ReferralsWithMembership">How many of the member's referrals bought a membership.</param>
public sealed record CommunityMemberSnapshot(
    MemberId Id,
    LifecycleSnapshot Lifecycle,
    MembershipSnapshot? Membership,
    string? Number,
    Money NetSpent,
    DateTimeOffset? LastActiveAt,
    PromoterBasis? QualifiedBy,
    string? QualifyingOrder,
    int ReferralsWithMembership)
{
    /// <summary>The referrals whose first membership the member's stream counted, in order (<see cref="MemberStreamState.ReferralsCounted"/>).</summary>
    public System.Collections.Immutable.ImmutableArray<MemberId> ReferralsCounted { get; init; } = [];

    /// <summary>The member's work-role terms (<see cref="CommunityMember.RoleTerms"/>).</summary>
    public System.Collections.Immutable.ImmutableArray<Roles.WorkRoleTerm> RoleTerms { get; init; } = [];

    /// <summary>The member's care team (<see cref="CommunityMember.CareTeam"/>).</summary>
    public System.Collections.Immutable.ImmutableArray<Roles.CareAssignment> CareTeam { get; init; } = [];
}
