using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CommunityModel.Onboarding;

/// <summary>Checks <see cref="OnboardingOptions"/> at start-up and names every bad value.</summary>
public sealed class OnboardingOptionsValidator : IValidateOptions<OnboardingOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, OnboardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.NicknamePattern))
        {
            failures.Add("Onboarding:NicknamePattern is empty; give the regular expression a nickname must match.");
        }
        else
        {
            try
            {
                _ = new Regex(options.NicknamePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                failures.Add($"Onboarding:NicknamePattern '{options.NicknamePattern}' is not a regular expression: {e.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.NicknameFormat))
        {
            failures.Add("Onboarding:NicknameFormat is empty; describe the nickname format in words, e.g. 城市-行业-姓名.");
        }

        if ((options.RequiredServiceGroupRoles & ~StaffRoles.All) != 0)
        {
            failures.Add($"Onboarding:RequiredServiceGroupRoles {(int)options.RequiredServiceGroupRoles} names unknown roles; use Sales, CustomerService, Supervisor, Executive.");
        }

        if (options.StallAfterHours < 1)
        {
            failures.Add($"Onboarding:StallAfterHours is {options.StallAfterHours}; it must be 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
