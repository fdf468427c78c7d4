using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Paying;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>Configures the commissions services in code, for <c>services.AddCommissions(c =&gt; ...)</c>.</summary>
public sealed class CommissionsBuilder
{
    internal CommissionsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Sets the plan with a <see cref="CommissionPlanBuilder"/>.</summary>
    /// <param name="name">The plan's name.</param>
    /// <param name="configure">Adds the rules (levels, ranks, peer bonus, roles), the cap, overrides and policies.</param>
    /// <returns>This builder.</returns>
    public CommissionsBuilder Plan(string name, Action<CommissionPlanBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<CommissionsOptions>(o =>
        {
            var plan = new CommissionPlanBuilder(name, o.Ledger.Currency);
            configure(plan);
            o.Plan = plan.ToOptions();
        });
        return this;
    }

    /// <summary>Sets how the month-end run uses the machine (threads, chunk size).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public CommissionsBuilder Run(Action<CommissionRunOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<CommissionsOptions>(o => configure(o.Run));
        return this;
    }

    /// <summary>Sets the ledger's freeze period and withdrawal rules.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public CommissionsBuilder Ledger(Action<LedgerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<CommissionsOptions>(o => configure(o.Ledger));
        return this;
    }

    /// <summary>Makes a community order role pay a plan role, e.g. <c>CommunityRole(OrderRoles.Promoter, "recruiter")</c>.</summary>
    /// <param name="communityRole">The order's role name (<see cref="CommunityModel.Roles.OrderRoles"/>).</param>
    /// <param name="planRole">A role of the plan.</param>
    /// <returns>This builder.</returns>
    public CommissionsBuilder CommunityRole(string communityRole, string planRole)
    {
        ArgumentNullException.ThrowIfNull(communityRole);
        ArgumentNullException.ThrowIfNull(planRole);
        Services.Configure<CommissionsOptions>(o => o.CommunityRoles[communityRole] = planRole);
        return this;
    }

    /// <summary>Adds a compliance profile (replacing a built-in one of the same name).</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>This builder.</returns>
    public CommissionsBuilder AddComplianceProfile(ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Services.Configure<CommissionsOptions>(o => o.ComplianceProfiles.Add(profile));
        return this;
    }
}
