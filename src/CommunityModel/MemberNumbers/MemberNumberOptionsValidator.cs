using Microsoft.Extensions.Options;

namespace CommunityModel.MemberNumbers;

/// <summary>Checks <see cref="MemberNumberOptions"/> at start-up and names every bad value.</summary>
public sealed class MemberNumberOptionsValidator : IValidateOptions<MemberNumberOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MemberNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Prefixes is null || options.Prefixes.Count == 0)
        {
            failures.Add("MemberNumbers:Prefixes is empty; configure a prefix for at least one tier or stage.");
        }
        else
        {
            foreach (var (category, prefix) in options.Prefixes)
            {
                if (string.IsNullOrWhiteSpace(category))
                {
                    failures.Add("MemberNumbers:Prefixes has an empty category.");
                }

                if (string.IsNullOrEmpty(prefix) || !prefix.All(char.IsLetterOrDigit) || prefix.Length > 16)
                {
                    failures.Add($"MemberNumbers:Prefixes:{category} is '{prefix}'; a prefix is 1 to 16 letters or digits.");
                }
            }
        }

        if (options.SequenceWidth is < 1 or > 18)
        {
            failures.Add($"MemberNumbers:SequenceWidth is {options.SequenceWidth}; it must be between 1 and 18 digits.");
        }

        if (options.Separator is null || options.Separator.Length > 3 || options.Separator.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)))
        {
            failures.Add($"MemberNumbers:Separator is '{options.Separator}'; it must be at most 3 characters, none a letter, digit or space.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
