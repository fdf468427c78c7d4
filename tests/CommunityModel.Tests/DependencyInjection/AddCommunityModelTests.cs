using CommunityModel.DependencyInjection;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Onboarding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.DependencyInjection;

public class AddCommunityModelTests
{
    private static IConfiguration Community(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Community");

    [Fact]
    public void Options_bind_from_configuration_and_reach_the_lifecycles()
    {
        var configuration = Community(new()
        {
            ["Community:Lifecycle:MinimumPartnerReferrals"] = "5",
            ["Community:Lifecycle:DormantAfterDays"] = "30",
            ["Community:Onboarding:NicknameFormat"] = "城市-姓名",
            ["Community:Onboarding:NicknamePattern"] = "^[^-]+-[^-]+$",
            ["Community:Onboarding:RequiredServiceGroupRoles"] = "Sales, CustomerService",
            ["Community:MemberNumbers:Prefixes:KA"] = "KA",
            ["Community:MemberNumbers:Prefixes:Partner"] = "HH",
            ["Community:MemberNumbers:SequenceWidth"] = "8",
        });
        using var provider = new ServiceCollection().AddCommunityModel(configuration).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var chain = provider.GetRequiredService<ValueChain>();
        var onboarding = provider.GetRequiredService<OnboardingProcess>();
        var numbers = provider.GetRequiredService<MemberNumberIssuer>();

        Assert.Equal("has at least 5 successful referrals", chain.GuardsOf(LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner)[1].Description.English);
        Assert.Equal("has been inactive for at least 30 days", Assert.Single(chain.GuardsOf(LifecycleStage.Fan, LifecycleTrigger.WentDormant)).Description.English);
        Assert.Equal("the nickname follows the format 城市-姓名", Assert.Single(onboarding.GuardsOf(OnboardingTrigger.IntroductionPosted)).Description.English);
        Assert.Equal("the service group includes sales, customer service", Assert.Single(onboarding.GuardsOf(OnboardingTrigger.ServiceGroupCreated)).Description.English);
        Assert.Equal("HH-00000001", numbers.Issue(LifecycleStage.Partner).Text);
        Assert.Equal("VIP-00000001", numbers.Issue("VIP").Text);
        Assert.Same(chain, provider.GetRequiredService<ValueChain>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Bad_configuration_fails_at_start_up_naming_every_bad_value()
    {
        var configuration = Community(new()
        {
            ["Community:Lifecycle:MinimumPartnerReferrals"] = "-2",
            ["Community:Onboarding:NicknamePattern"] = "([",
            ["Community:MemberNumbers:SequenceWidth"] = "0",
        });
        using var provider = new ServiceCollection().AddCommunityModel(configuration).BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // Each setting is named under the section actually bound, here below "Community".
        var failures = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToArray();
        Assert.Contains("Community:Lifecycle:MinimumPartnerReferrals is -2; it must be 0 or more.", failures);
        Assert.Contains(failures, f => f.StartsWith("Community:Onboarding:NicknamePattern '([' is not a regular expression", StringComparison.Ordinal));
        Assert.Contains("Community:MemberNumbers:SequenceWidth is 0; it must be between 1 and 18 digits.", failures);
        Assert.Equal(3, failures.Length);
    }

    [Fact]
    public void Lifecycles_bound_from_the_root_name_their_own_sections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lifecycle:DormantAfterDays"] = "0",
            ["Onboarding:StallAfterHours"] = "0",
            ["MemberNumbers:Separator"] = "x",
        }).Build();
        using var provider = new ServiceCollection().AddLifecycles(configuration).BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "Lifecycle:DormantAfterDays is 0; it must be between 1 and 3650 days.",
                "MemberNumbers:Separator is 'x'; it must be at most 3 characters, none a letter, digit or space.",
                "Onboarding:StallAfterHours is 0; it must be 1 or more.",
            ],
            failures);
    }

    [Fact]
    public void Options_set_in_code_through_the_builder_are_validated_too()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddCommunityModel(community => community
            .ConfigureLifecycle(o => o.MinimumPartnerReferrals = 7)
            .ConfigureOnboarding(o => o.StallAfterHours = 24)
            .ConfigureMemberNumbers(o => o.Separator = "#"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Equal("has at least 7 successful referrals", provider.GetRequiredService<ValueChain>().GuardsOf(LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner)[1].Description.English);
        Assert.Equal("KA#000001", provider.GetRequiredService<MemberNumberIssuer>().Issue("KA").Text);
        Assert.Equal(24, provider.GetRequiredService<IOptions<OnboardingOptions>>().Value.StallAfterHours);

        var bad = new ServiceCollection().AddCommunityModel(community => community.ConfigureMemberNumbers(o => o.Separator = "x"));
        using var badProvider = bad.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => badProvider.GetRequiredService<MemberNumberIssuer>());
    }

    [Fact]
    public void Registering_twice_keeps_one_of_everything_and_defaults_work_without_configuration()
    {
        var services = new ServiceCollection();
        services.AddCommunityModel(Community([])).AddCommunityModel(Community([])).AddLifecycles();

        Assert.Single(services, d => d.ServiceType == typeof(ValueChain));
        // Two checks of the value chain's options, each once: its values, and the keys of its section.
        var validators = services.Where(d => d.ServiceType == typeof(IValidateOptions<ValueChainOptions>)).Select(d => d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.ReturnType).ToList();
        Assert.Equal(2, validators.Count);
        Assert.Single(services, d => d.ImplementationInstance is CommunityModel.DependencyInjection.UnknownKeysValidator<ValueChainOptions>);
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("has at least 3 successful referrals", provider.GetRequiredService<ValueChain>().GuardsOf(LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner)[1].Description.English);
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCommunityModel((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCommunityModel((Action<CommunityModelBuilder>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCommunityModel(b => b.ConfigureLifecycle(null!)));
    }
}
