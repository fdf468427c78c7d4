using System.Text.RegularExpressions;
using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Onboarding;

/// <summary>
/// Checks <see cref="OnboardingOptions"/> at start-up and names every bad value.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Onboarding:NicknamePattern</c>), or relative to the options (<c>NicknamePattern</c>) when they were set in code.
/// </summary>
public sealed class OnboardingOptionsValidator : IValidateOptions<OnboardingOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>NicknamePattern</c>.</summary>
    public OnboardingOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Onboarding</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public OnboardingOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, OnboardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.NicknamePattern))
        {
            failures.Add($"{_prefix}NicknamePattern is empty; give the regular expression a nickname must match.");
        }
        else
        {
            try
            {
                _ = new Regex(options.NicknamePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                failures.Add($"{_prefix}NicknamePattern '{options.NicknamePattern}' is not a regular expression: {e.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.NicknameFormat))
        {
            failures.Add($"{_prefix}NicknameFormat is empty; describe the nickname format in words, e.g. 城市-行业-姓名.");
        }

        if ((options.RequiredServiceGroupRoles & ~StaffRoles.All) != 0)
        {
            failures.Add($"{_prefix}RequiredServiceGroupRoles {(int)options.RequiredServiceGroupRoles} names unknown roles; use Sales, CustomerService, Supervisor, Executive.");
        }

        if (options.StallAfterHours < 1)
        {
            failures.Add($"{_prefix}StallAfterHours is {options.StallAfterHours}; it must be 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
