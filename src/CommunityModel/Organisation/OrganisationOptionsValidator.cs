using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Organisation;

/// <summary>
/// Checks <see cref="OrganisationOptions"/> at start-up: a quorum between 0% and 100%, a known tie rule, a term and a
/// registration notice that are not negative, banned topics that are words. Each failure names its setting by
/// configuration path: under the section the options were bound from (e.g. <c>Community:Organisation:ElectionQuorum</c>),
/// or relative to the options.
/// </summary>
public sealed class OrganisationOptionsValidator : IValidateOptions<OrganisationOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>ElectionQuorum</c>.</summary>
    public OrganisationOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Organisation</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public OrganisationOptionsValidator(string? sectionPath) => _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, OrganisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.BindingProblems.Concat(Problems(options).Select(p => _prefix + p)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with the options, each starting with the setting's name.</summary>
    internal static List<string> Problems(OrganisationOptions options)
    {
        var problems = new List<string>();
        if (options.ElectionQuorum < Rate.Zero || options.ElectionQuorum > Rate.FromPercent(100))
        {
            problems.Add($"{nameof(OrganisationOptions.ElectionQuorum)} is {options.ElectionQuorum}; it must be between 0% and 100%.");
        }

        if (!Enum.IsDefined(options.TieRule))
        {
            problems.Add($"{nameof(OrganisationOptions.TieRule)} is {options.TieRule}; it must be {string.Join(" or ", Enum.GetNames<ElectionTieRule>())}.");
        }

        if (options.MonitorTermDays < 0)
        {
            problems.Add($"{nameof(OrganisationOptions.MonitorTermDays)} is {options.MonitorTermDays}; it must be 0 (no term) or more.");
        }

        if (options.RegistrationNotice < TimeSpan.Zero)
        {
            problems.Add($"{nameof(OrganisationOptions.RegistrationNotice)} is {options.RegistrationNotice}; it must not be negative.");
        }

        if (options.BannedTopics is null || options.BannedTopics.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{nameof(OrganisationOptions.BannedTopics)} must be a list of words, none of them empty.");
        }

        return problems;
    }
}
