using System.Collections.Immutable;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;

namespace CommunityModel;

/// <summary>One member as the community knows them: every part's view of the member in one immutable record.</summary>
/// <param name="Id">The member id.</param>
/// <param name="Lifecycle">The member's place on the value chain.</param>
/// <param name="Membership">The membership as of its last event, or <see langword="null"/> for a member who never held one.</param>
/// <param name="Number">The member number (会员编号), issued when the first membership started.</param>
/// <param name="NetSpent">Everything the member paid, less refunds.</param>
/// <param name="LastActiveAt">The member's last recorded activity, when any.</param>
/// <param name="QualifiedBy">What made the member a promoter, when the community did (not the desk's gift pack).</param>
/// <param name="QualifyingOrder">The order or tier that qualified the member as a promoter, when the community did.</param>
/// <param name="ReferralsWithMembership">How many members this member referred have bought a membership (for partner qualification).</param>
public sealed record CommunityMember(
    MemberId Id,
    LifecycleState Lifecycle,
    Membership? Membership,
    MemberNumber? Number,
    Money NetSpent,
    DateTimeOffset? LastActiveAt,
    Referrals.PromoterBasis? QualifiedBy = null,
    string? QualifyingOrder = null,
    int ReferralsWithMembership = 0)
{
    /// <summary>The member's value-chain stage.</summary>
    public LifecycleStage Stage => Lifecycle.Stage;

    /// <summary>
    /// Whether the member holds promoter rights (may sponsor and, under a promoters-only plan, earn): bought with the
    /// membership (the gift pack) or qualified by the community (<see cref="QualifiedBy"/>).
    /// </summary>
    public bool IsPromoter => Membership?.IsPromoter == true || QualifiedBy is not null;

    /// <summary>Whether the member is suspended or removed, and so may neither buy nor earn.</summary>
    public bool IsHeld => Stage is LifecycleStage.Suspended or LifecycleStage.Removed;

    /// <summary>Every term in which the member held a work role (推广员, 培训师, 管理员), in the order granted; current terms are open.</summary>
    public ImmutableArray<Roles.WorkRoleTerm> RoleTerms { get; init; } = [];

    /// <summary>The member's care team as a customer: who recruited, trained and manages them, one holder per role, in the order first assigned.</summary>
    public ImmutableArray<Roles.CareAssignment> CareTeam { get; init; } = [];

    /// <summary>Whether the member holds a work role now.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> while a term of the role is open.</returns>
    public bool Holds(Roles.WorkRole role)
    {
        foreach (var term in RoleTerms.IsDefault ? [] : RoleTerms)
        {
            if (term.Role == role && term.Until is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Who holds a place in the member's care team.</summary>
    /// <param name="role">The place.</param>
    /// <returns>The holder, or the empty id when no one was assigned.</returns>
    public MemberId CareOf(Roles.WorkRole role)
    {
        foreach (var care in CareTeam.IsDefault ? [] : CareTeam)
        {
            if (care.Role == role)
            {
                return care.Holder;
            }
        }

        return default;
    }
}
