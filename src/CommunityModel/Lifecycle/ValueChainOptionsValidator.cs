using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Lifecycle;

/// <summary>
/// Checks <see cref="ValueChainOptions"/> at start-up and names every bad value.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Lifecycle:DormantAfterDays</c>), or relative to the options (<c>DormantAfterDays</c>) when they were set in code.
/// </summary>
public sealed class ValueChainOptionsValidator : IValidateOptions<ValueChainOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>DormantAfterDays</c>.</summary>
    public ValueChainOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Lifecycle</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public ValueChainOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ValueChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinimumPartnerReferrals < 0)
        {
            failures.Add($"{_prefix}MinimumPartnerReferrals is {options.MinimumPartnerReferrals}; it must be 0 or more.");
        }

        if (options.DormantAfterDays is < 1 or > 3650)
        {
            failures.Add($"{_prefix}DormantAfterDays is {options.DormantAfterDays}; it must be between 1 and 3650 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
