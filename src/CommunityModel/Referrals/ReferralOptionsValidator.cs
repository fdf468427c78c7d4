using Microsoft.Extensions.Options;

namespace CommunityModel.Referrals;

/// <summary>Checks <see cref="ReferralOptions"/> at start-up: a known mode and a registration window that is not negative.</summary>
public sealed class ReferralOptionsValidator : IValidateOptions<ReferralOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"Referrals:Mode '{options.Mode}' is not a binding mode; use FirstReferralAnyTime, AtRegistrationOnly or LatestReferralOverrides.");
        }

        if (options.RegistrationWindow < TimeSpan.Zero)
        {
            failures.Add($"Referrals:RegistrationWindow is {options.RegistrationWindow}; it must be zero or positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
