using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Referrals;

/// <summary>
/// Checks <see cref="ReferralOptions"/> at start-up: a known mode and sponsor eligibility, a registration window that is not
/// negative, and a binding validity that is positive and not combined with the registration-only mode.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Referrals:Mode</c>), or relative to the options (<c>Mode</c>) when they were set in code.
/// </summary>
public sealed class ReferralOptionsValidator : IValidateOptions<ReferralOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>Mode</c>.</summary>
    public ReferralOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Referrals</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public ReferralOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{_prefix}Mode '{options.Mode}' is not a binding mode; use FirstReferralAnyTime, AtRegistrationOnly or LatestReferralOverrides.");
        }

        if (options.RegistrationWindow < TimeSpan.Zero)
        {
            failures.Add($"{_prefix}RegistrationWindow is {options.RegistrationWindow}; it must be zero or positive.");
        }

        if (!Enum.IsDefined(options.Sponsors))
        {
            failures.Add($"{_prefix}Sponsors '{options.Sponsors}' is not a sponsor eligibility; use AnyMember or DesignatedPromoters.");
        }

        if (options.BindingValidity is { } validity)
        {
            if (validity <= TimeSpan.Zero)
            {
                failures.Add($"{_prefix}BindingValidity is {validity}; it must be positive, or unset for a binding that never expires.");
            }
            else if (options.Mode == ReferralBindingMode.AtRegistrationOnly)
            {
                failures.Add($"{_prefix}BindingValidity is {validity}, but Mode AtRegistrationOnly closes binding for good once the registration window has passed; unset BindingValidity or choose another mode.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
