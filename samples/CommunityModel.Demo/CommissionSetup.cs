using CommunityModel.Commissions;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Demo;

/// <summary>
/// The commission plan, ledger settings and compliance linter the year runs with: the built-in three-level plan,
/// or a plan file read exactly as an application reads its <c>Commissions</c> configuration section
/// (<c>AddCommissions(configuration)</c>, validated at start-up).
/// </summary>
/// <param name="Plan">The plan paid month by month.</param>
/// <param name="Ledger">Freeze period, minimum withdrawal and fee of the ledger.</param>
/// <param name="Linter">The linter with the built-in profiles and any from the file.</param>
/// <param name="Source">Where the plan came from, for the report.</param>
public sealed record CommissionSetup(CommissionPlan Plan, LedgerOptions Ledger, ComplianceLinter Linter, string Source)
{
    /// <summary>The built-in plan: 10% / 5% / 3% over three levels, the trial class (a lead magnet) earning nothing, paid after a 7-day freeze, withdrawals from ¥100.</summary>
    /// <returns>The default setup.</returns>
    public static CommissionSetup Default()
    {
        var plan = new CommissionPlanBuilder("three-level")
            .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .ExcludeProducts("trial-class")
            .Build();
        var ledger = new LedgerOptions { FreezePeriod = TimeSpan.FromDays(7), MinimumWithdrawal = Money.Cny(100m) };
        return new CommissionSetup(plan, ledger, new ComplianceLinter(), "built in (the same as plans/three-level.json)");
    }

    /// <summary>Loads a plan file: JSON holding the <c>Commissions</c> section (or its content at the root).</summary>
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
            return new CommissionSetup(plan, options.Ledger, linter, "from " + Path.GetFileName(full));
        }
        catch (OptionsValidationException e)
        {
            throw new PlanFileException(path, string.Join(" ", e.Failures));
        }
        catch (CommissionException e)
        {
            throw new PlanFileException(path, e.Message);
        }
    }
}
