using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Team;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Everything <c>AddCommissions</c> registers, as data: the plan, the ledger's settlement rules and
/// the integrator's own compliance profiles. Binds from configuration (e.g. <c>Community:Commissions</c>).
/// </summary>
public sealed class CommissionsOptions
{
    /// <summary>The multi-level plan.</summary>
    public CommissionPlanOptions Plan { get; set; } = new();

    /// <summary>Freeze period, minimum withdrawal and withdrawal fee.</summary>
    public LedgerOptions Ledger { get; set; } = new();

    /// <summary>Compliance profiles added to (or replacing) the built-in ones.</summary>
    public IList<ComplianceProfile> ComplianceProfiles { get; set; } = [];

    /// <summary>The combined plan (levels, rank differential, peer bonus, cap) the month-end run and <see cref="CompensationCalculator"/> pay; none when <see langword="null"/>.</summary>
    public CompensationPlanOptions? Compensation { get; set; }

    /// <summary>How the month-end run uses the machine.</summary>
    public CommissionRunOptions Run { get; set; } = new();
}
