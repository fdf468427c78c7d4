using CommunityModel.Campaigns;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Serialization;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Orleans.Hosting;

/// <summary>Adds the community's grains to a silo.</summary>
public static class CommunityClusterSiloBuilderExtensions
{
    /// <summary>
    /// Adds the community's grains, the library's serialization and the options they decide with. The application
    /// registers the <see cref="IEventStore"/> the grains persist to (and, for snapshots, an
    /// <see cref="ISnapshotStore{TSnapshot}"/> of <see cref="MemberGrainSnapshot"/>), and the one
    /// <see cref="MemberStream"/> every member grain of the silo decides with (the catalog, the membership plan, the
    /// value chain and the community's options, on <see cref="CommunityClusterOptions.Clock"/>).
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="configure">Sets the plan and rules.</param>
    /// <returns>The same silo.</returns>
    /// <exception cref="ArgumentException">The options are incomplete (no plan) or out of range; raised here, at start-up.</exception>
    public static ISiloBuilder AddCommunityCluster(this ISiloBuilder builder, Action<CommunityClusterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new CommunityClusterOptions();
        configure(options);
        if (options.Plan is null)
        {
            throw new ArgumentException("The community cluster needs a commission plan (CommunityClusterOptions.Plan).", nameof(configure));
        }

        if (options.Plan.Currency != options.Ledger.Currency)
        {
            throw new ArgumentException($"The plan pays in {options.Plan.Currency.Code} but the ledger keeps {options.Ledger.Currency.Code}.", nameof(configure));
        }

        if (options.Roles is null)
        {
            throw new ArgumentException("The community cluster needs a community role map (CommunityClusterOptions.Roles; CommunityRoleMap.None for none).", nameof(configure));
        }

        if (CommunityRoleMap.Problems(options.Roles.Entries, options.Plan.Roles.Select(r => r.Role)) is { Count: > 0 } roleProblems)
        {
            throw new ArgumentException("The community role map (CommunityClusterOptions.Roles) does not fit the plan: " + string.Join(" ", roleProblems), nameof(configure));
        }

        if (options.Clock is null)
        {
            throw new ArgumentException("The community cluster needs a clock (CommunityClusterOptions.Clock).", nameof(configure));
        }

        var campaignProblems = options.Campaigns is null ? ["none given."] : new CampaignOptionsValidator("Campaigns").Validate(null, options.Campaigns).Failures?.ToList() ?? [];
        if (campaignProblems.Count > 0)
        {
            throw new ArgumentException("The campaign options (CommunityClusterOptions.Campaigns) are missing or invalid: " + string.Join(" ", campaignProblems), nameof(configure));
        }

        if (options.DirectoryPartitions < 1 || options.SnapshotEvery < 1 || options.MonthEndFanOut < 1)
        {
            throw new ArgumentException("DirectoryPartitions, SnapshotEvery and MonthEndFanOut must be at least 1.", nameof(configure));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new CommissionCalculator(options.Plan));
        builder.Services.AddCommunityModelSerialization();
        return builder;
    }

    /// <summary>Adds the library's serialization to a cluster client, so it sends and receives the library's events.</summary>
    /// <param name="builder">The client.</param>
    /// <returns>The same client.</returns>
    public static IClientBuilder AddCommunityCluster(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCommunityModelSerialization();
        return builder;
    }
}
