using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// Who may earn under every rule that pays network members (levels, differential, peer bonus): never a suspended,
/// inactive or unqualified member, and only designated promoters when the plan says so.
/// </summary>
internal readonly struct EarnerFilter
{
    private const EarnerStatus Barred = EarnerStatus.Suspended | EarnerStatus.Inactive | EarnerStatus.Unqualified;
    private readonly EarnerStatus _required;

    internal EarnerFilter(CommissionPlan plan)
    {
        _required = plan.Earners == EarnerEligibility.DesignatedPromoters ? EarnerStatus.Promoter : EarnerStatus.None;
    }

    /// <summary>Whether a member of this status may earn.</summary>
    internal bool MayEarn(EarnerStatus status) => (status & Barred) == 0 && (status & _required) == _required;
}
