using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Referrals;
using CommunityModel.MemberNumbers;
using CommunityModel.Onboarding;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Configures CommunityModel in code, inside <see cref="CommunityModelServiceCollectionExtensions.AddCommunityModel(IServiceCollection, Action{CommunityModelBuilder})"/>.
/// Each capability adds its own <c>ConfigureXxx</c> method; every call adds to the options, and the
/// validators still run at start-up.
/// </summary>
public sealed class CommunityModelBuilder
{
    internal CommunityModelBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extensions of the builder.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Sets the value chain's guard thresholds.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public CommunityModelBuilder ConfigureLifecycle(Action<ValueChainOptions> configure) => Configure<ValueChainOptions>(configure);

    /// <summary>Sets the onboarding nickname format, required staff and stall threshold.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public CommunityModelBuilder ConfigureOnboarding(Action<OnboardingOptions> configure) => Configure<OnboardingOptions>(configure);

    /// <summary>Sets the member-number scheme.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public CommunityModelBuilder ConfigureMemberNumbers(Action<MemberNumberOptions> configure) => Configure<MemberNumberOptions>(configure);

    /// <summary>Sets the referral binding options (mode, registration window).</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    public CommunityModelBuilder ConfigureReferrals(Action<ReferralOptions> configure) => Configure<ReferralOptions>(configure);

    /// <summary>Sets the metrics options (time zone, funnel, activation rule, ...).</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    public CommunityModelBuilder ConfigureMetrics(Action<MetricsOptions> configure) => Configure<MetricsOptions>(configure);

    /// <summary>Registers the product catalog, built in code (e.g. <c>c => c.UseSeedBusiness()</c>).</summary>
    /// <param name="configure">Builds the catalog.</param>
    /// <returns>This builder.</returns>
    public CommunityModelBuilder UseCatalog(Action<CatalogBuilder> configure)
    {
        Services.AddCatalog(configure);
        return this;
    }

    /// <summary>Registers the membership tiers and policies, built in code (e.g. <c>m => m.UseSeedBusiness()</c>); needs a catalog.</summary>
    /// <param name="configure">Builds the membership plan.</param>
    /// <returns>This builder.</returns>
    public CommunityModelBuilder UseMemberships(Action<MembershipPlanBuilder> configure)
    {
        Services.AddMemberships(configure);
        return this;
    }

    private CommunityModelBuilder Configure<TOptions>(Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
