using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.DependencyInjection;

/// <summary>Checks the community's rules against the registered membership plan and member numbers when the host starts.</summary>
/// <param name="services">Where the membership plan and member-number options are read from.</param>
/// <param name="sectionPath">The configuration section bound, to name settings by their full path; <see langword="null"/> for options set in code.</param>
internal sealed class CommunityRulesValidator(IServiceProvider services, string? sectionPath) : IValidateOptions<CommunityOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CommunityOptions options)
    {
        var plan = services.GetService<MembershipPlan>();
        var numbers = services.GetRequiredService<IOptions<MemberNumberOptions>>().Value;
        var currency = plan?.Tiers.FirstOrDefault()?.Price.Currency ?? options.PromoterSpendingThreshold?.Currency ?? Currency.CNY;
        var problems = CommunityOptionsValidator.Problems(options, plan, numbers, currency);
        var prefix = sectionPath is null ? string.Empty : sectionPath[..(sectionPath.LastIndexOf(':') + 1)];
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => prefix + p));
    }
}
