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
        MembershipPlan? plan;
        MemberNumberOptions numbers;
        try
        {
            plan = services.GetService<MembershipPlan>();
            numbers = services.GetRequiredService<IOptions<MemberNumberOptions>>().Value;
        }
        catch (Exception e) when (e is OptionsValidationException or CommunityModelException)
        {
            // The plan or the member numbers are invalid themselves; their own validators report it, once.
            return ValidateOptionsResult.Skip;
        }

        var currency = plan?.Tiers.FirstOrDefault()?.Price.Currency ?? (options.PromoterSpendingThreshold.IsZero ? Currency.CNY : options.PromoterSpendingThreshold.Currency);
        var problems = CommunityOptionsValidator.Problems(options, plan, numbers, currency);
        var prefix = sectionPath is null ? string.Empty : sectionPath[..(sectionPath.LastIndexOf(':') + 1)];
        var all = options.BindingProblems.Concat(problems.Select(p => prefix + p)).ToList(); // binding problems already name their full path
        return all.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(all);
    }
}
