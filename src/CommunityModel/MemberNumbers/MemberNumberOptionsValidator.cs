using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.MemberNumbers;

/// <summary>
/// Checks <see cref="MemberNumberOptions"/> at start-up and names every bad value.
/// Each failure names its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:MemberNumbers:SequenceWidth</c>), or relative to the options (<c>SequenceWidth</c>) when they were set in code.
/// </summary>
public sealed class MemberNumberOptionsValidator : IValidateOptions<MemberNumberOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>SequenceWidth</c>.</summary>
    public MemberNumberOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:MemberNumbers</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public MemberNumberOptionsValidator(string? sectionPath) =>
        _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MemberNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Prefixes is null || options.Prefixes.Count == 0)
        {
            failures.Add($"{_prefix}Prefixes is empty; configure a prefix for at least one tier or stage.");
        }
        else
        {
            foreach (var (category, prefix) in options.Prefixes)
            {
                if (string.IsNullOrWhiteSpace(category))
                {
                    failures.Add($"{_prefix}Prefixes has an empty category.");
                }

                if (string.IsNullOrEmpty(prefix) || !prefix.All(char.IsLetterOrDigit) || prefix.Length > 16)
                {
                    failures.Add($"{_prefix}Prefixes:{category} is '{prefix}'; a prefix is 1 to 16 letters or digits.");
                }
            }
        }

        if (options.SequenceWidth is < 1 or > 18)
        {
            failures.Add($"{_prefix}SequenceWidth is {options.SequenceWidth}; it must be between 1 and 18 digits.");
        }

        if (options.Separator is null || options.Separator.Length > 3 || options.Separator.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)))
        {
            failures.Add($"{_prefix}Separator is '{options.Separator}'; it must be at most 3 characters, none a letter, digit or space.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
