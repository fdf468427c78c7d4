using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Everything <c>AddCommissions</c> registers, as data: the plan, the ledger's settlement rules, how the month-end
/// run uses the machine and the integrator's own compliance profiles. Binds from configuration (e.g. <c>Community:Commissions</c>).
/// </summary>
public sealed class CommissionsOptions
{
    /// <summary>The plan: its rules (levels, ranks, peer bonus, roles), cap, overrides and exclusions.</summary>
    public CommissionPlanOptions Plan { get; set; } = new();

    /// <summary>Freeze period, minimum withdrawal and withdrawal fee.</summary>
    public LedgerOptions Ledger { get; set; } = new();

    /// <summary>Compliance profiles added to (or replacing) the built-in ones.</summary>
    public IList<ComplianceProfile> ComplianceProfiles { get; set; } = [];

    /// <summary>
    /// Which plan role each role of a community order pays (community role name → plan role name, e.g.
    /// <c>promoter</c> → <c>recruiter</c>): the buyer's care team (推广员, 培训师, 管理员) paid through the plan's roles.
    /// Checked against the plan at start-up; empty by default.
    /// </summary>
    public IDictionary<string, string> CommunityRoles { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How the month-end run uses the machine.</summary>
    public CommissionRunOptions Run { get; set; } = new();
}
