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
}
