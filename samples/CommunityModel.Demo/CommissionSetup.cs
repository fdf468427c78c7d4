using CommunityModel.Commissions;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Paying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Collections.Immutable;

namespace CommunityModel.Demo;

/// <summary>
/// The commission plan, ledger settings and compliance linter the year runs with: the built-in team plan
/// (three levels + rank differential 级差 + peer bonus 平级奖), or a plan file read exactly as an application reads its
/// <c>Commissions</c> configuration section (<c>AddCommissions(configuration)</c>, validated at start-up).
/// </summary>
/// <param name="Plan">The plan paid month by month: its rules (levels, rank differential, peer bonus), cap and exclusions.</param>
/// <param name="Ledger">Freeze period, minimum withdrawal and fee of the ledger.</param>
/// <param name="Linter">The linter with the built-in profiles and any from the file.</param>
/// <param name="Source">Where the plan came from, for the report.</param>
public sealed record CommissionSetup(CommissionPlan Plan, LedgerOptions Ledger, ComplianceLinter Linter, string Source)
{
    /// <summary>Which plan role each community order role pays (the file's <c>CommunityRoles</c>); none by default.</summary>
    public CommunityRoleMap Roles { get; init; } = CommunityRoleMap.None;

    /// <summary>
    /// The built-in team plan: 10% / 5% / 3% over three levels; four ranks 推广员 / 班长 / 组长 / 总监 with differential
    /// rates 5 / 10 / 15 / 20%, qualified each month from the month's volumes and direct referrals, the highest rank
    /// reached kept; a 2% peer bonus 平级奖 to one generation; the trial class (a lead magnet) earning nothing; paid
    /// after a 7-day freeze, withdrawals from ¥100. The same as <c>plans/team.json</c>.
    /// </summary>
    /// <returns>The default setup.</returns>
    public static CommissionSetup Default()
    {
        var plan = new CommissionPlanBuilder("team")
            .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("promoter", Rate.FromPercent(5), r => { r.Name = "推广员"; r.MinDirectReferrals = 1; r.MinTeamVolume = Money.Cny(1_000m); })
            .Rank("monitor", Rate.FromPercent(10), r => { r.Name = "班长"; r.MinDirectReferrals = 3; r.MinTeamVolume = Money.Cny(10_000m); })
            .Rank("leader", Rate.FromPercent(15), r => { r.Name = "组长"; r.MinTeamVolume = Money.Cny(30_000m); r.MinQualifiedLegs = 2; r.LegRank = "monitor"; })
            .Rank("director", Rate.FromPercent(20), r => { r.Name = "总监"; r.MinTeamVolume = Money.Cny(250_000m); r.MinQualifiedLegs = 3; r.LegRank = "monitor"; })
            .PeerBonus(Rate.FromPercent(2))
            .RetainRanks(RankRetention.KeepHighestReached)
            .ExcludeProducts("trial-class")
            .Build();
        var ledger = new LedgerOptions { FreezePeriod = TimeSpan.FromDays(7), MinimumWithdrawal = Money.Cny(100m) };
        return new CommissionSetup(plan, ledger, new ComplianceLinter(), "built in (the same as plans/team.json)");
    }

    /// <summary>Checks the plan paid against a compliance profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The findings.</returns>
    public ImmutableArray<ComplianceFinding> Lint(ComplianceProfile profile) => Linter.Lint(Plan, profile);

    /// <summary>
    /// Loads a plan file: JSON holding the <c>Commissions</c> section (or its content at the root), its rules under <c>Plan</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The setup the file describes.</returns>
    /// <exception cref="PlanFileException">The file is missing, is not JSON, or describes an invalid plan; the message names every problem.</exception>
    public static CommissionSetup Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new PlanFileException(path, "the file does not exist.");
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new PlanFileException(path, "it is not valid JSON: " + (e.InnerException?.Message ?? e.Message));
        }

        IConfiguration section = configuration.GetSection("Commissions").Exists() ? configuration.GetSection("Commissions") : configuration;
        if (!section.GetSection("Plan").Exists())
        {
            throw new PlanFileException(path, "it has no \"Plan\" section (see --help for the format).");
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);   // the ledger the demo uses is made with the demo's clock; this one is never asked for
        services.AddCommissions(section);
        using var provider = services.BuildServiceProvider();
        try
        {
            var options = provider.GetRequiredService<IOptions<CommissionsOptions>>().Value;
            var plan = provider.GetRequiredService<CommissionPlan>();
            var linter = provider.GetRequiredService<ComplianceLinter>();
            return new CommissionSetup(plan, options.Ledger, linter, "from " + Path.GetFileName(full)) { Roles = CommunityRoleMap.Create(options.CommunityRoles, plan) };
        }
        catch (OptionsValidationException e)
        {
            throw new PlanFileException(path, string.Join(" ", e.Failures));
        }
        catch (CommissionPlanException e)
        {
            throw new PlanFileException(path, string.Join(" ", e.Problems.Select(p => $"Plan: {p.Message} ({p.Code})")));
        }
        catch (CommissionException e)
        {
            throw new PlanFileException(path, e.Message);
        }
    }
}
