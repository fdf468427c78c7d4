using Microsoft.Extensions.Options;

namespace CommunityModel.Lifecycle;

/// <summary>Checks <see cref="ValueChainOptions"/> at start-up and names every bad value.</summary>
public sealed class ValueChainOptionsValidator : IValidateOptions<ValueChainOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ValueChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinimumPartnerReferrals < 0)
        {
            failures.Add($"Lifecycle:MinimumPartnerReferrals is {options.MinimumPartnerReferrals}; it must be 0 or more.");
        }

        if (options.DormantAfterDays is < 1 or > 3650)
        {
            failures.Add($"Lifecycle:DormantAfterDays is {options.DormantAfterDays}; it must be between 1 and 3650 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
