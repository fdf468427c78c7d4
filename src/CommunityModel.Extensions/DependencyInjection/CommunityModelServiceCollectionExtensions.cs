using CommunityModel;
using CommunityModel.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>services.AddCommunityModel(configuration.GetSection("Community"))</c>: every CommunityModel capability,
/// its options bound from configuration and validated at start-up, and <see cref="TimeProvider.System"/>
/// unless a <see cref="TimeProvider"/> is already registered.
/// </summary>
public static class CommunityModelServiceCollectionExtensions
{
    /// <summary>The sub-section that configures referral binding (<see cref="CommunityModel.Referrals.ReferralOptions"/>).</summary>
    public const string ReferralsSection = "Referrals";

    /// <summary>The sub-section that configures metrics (<see cref="CommunityModel.Metrics.MetricsOptions"/>).</summary>
    public const string MetricsSection = "Metrics";

    /// <summary>The sub-section that holds the product catalog; when present, the catalog is registered.</summary>
    public const string CatalogSection = "Catalog";

    /// <summary>The sub-section that holds the membership tiers and policies; when present, memberships are registered.</summary>
    public const string MembershipsSection = "Memberships";

    /// <summary>The sub-section of the referral credits' rules (<see cref="CommunityModel.Credits.CreditOptions"/>); when present, referral credits are kept.</summary>
    public const string CreditsSection = "Credits";

    /// <summary>The sub-section of the community's rules joining the parts (<see cref="CommunityModel.CommunityOptions"/>).</summary>
    public const string RulesSection = "Rules";

    /// <summary>The sub-section of the organisation's rules (<see cref="CommunityModel.Organisation.OrganisationOptions"/>); when present, the organisation is registered.</summary>
    public const string OrganisationSection = "Organisation";

    /// <summary>The sub-section of the campaign plays' rules (<see cref="CommunityModel.Campaigns.CampaignOptions"/>); when present, they are registered and validated at start-up.</summary>
    public const string CampaignsSection = "Campaigns";

    private static readonly string[] SubSections =
    [
        LifecycleServiceCollectionExtensions.LifecycleSection, LifecycleServiceCollectionExtensions.OnboardingSection,
        LifecycleServiceCollectionExtensions.MemberNumbersSection, ReferralsSection, MetricsSection, CatalogSection,
        MembershipsSection, CreditsSection, RulesSection, OrganisationSection, CampaignsSection,
    ];

    /// <summary>Registers CommunityModel with options bound from configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The CommunityModel section (e.g. <c>Community</c>), with a sub-section per capability.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddCommunityModel(builder.Configuration.GetSection("Community"));
    /// </code>
    /// </example>
    /// <remarks>
    /// Sub-sections: <c>Lifecycle</c>, <c>Onboarding</c>, <c>MemberNumbers</c>, <c>Referrals</c>, <c>Metrics</c> and
    /// <c>Rules</c> (each optional, with defaults), and <c>Catalog</c>, <c>Memberships</c>, <c>Credits</c> and <c>Organisation</c>,
    /// registered when present.
    /// The <see cref="CommunityModel.Community"/> is registered over whatever parts are present.
    /// </remarks>
    public static IServiceCollection AddCommunityModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // A misspelt sub-section (Community:Memberhsips) stops start-up instead of leaving the part unregistered.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommunityOptions>>(new UnknownSubSectionsValidator(configuration, SubSections)));
        services.AddLifecycles(configuration);
        services.AddReferrals(configuration.GetSection(ReferralsSection));
        services.AddCommunityMetrics(configuration.GetSection(MetricsSection));
        var catalog = configuration.GetSection(CatalogSection);
        if (catalog.Exists())
        {
            services.AddCatalog(catalog);
        }

        var memberships = configuration.GetSection(MembershipsSection);
        if (memberships.Exists())
        {
            services.AddMemberships(memberships);
        }

        var credits = configuration.GetSection(CreditsSection);
        if (credits.Exists())
        {
            services.AddReferralCredits(credits);
        }

        var organisation = configuration.GetSection(OrganisationSection);
        if (organisation.Exists())
        {
            services.AddOrganisation(organisation);
        }

        var campaigns = configuration.GetSection(CampaignsSection);
        if (campaigns.Exists())
        {
            services.AddCampaigns(campaigns);
        }

        services.AddCommunity(configuration.GetSection(RulesSection));
        return services;
    }

    /// <summary>Registers CommunityModel with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options through the builder.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// services.AddCommunityModel(community => community
    ///     .ConfigureLifecycle(o => o.MinimumPartnerReferrals = 5)
    ///     .ConfigureMemberNumbers(o => o.SequenceWidth = 8));
    /// </code>
    /// </example>
    public static IServiceCollection AddCommunityModel(this IServiceCollection services, Action<CommunityModelBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLifecycles();
        services.AddReferrals(static _ => { });
        services.AddCommunityMetrics();
        configure(new CommunityModelBuilder(services));
        services.AddCommunity(static _ => { });
        return services;
    }
}
