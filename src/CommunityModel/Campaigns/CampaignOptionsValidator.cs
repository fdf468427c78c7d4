using CommunityModel.Validation;
using Microsoft.Extensions.Options;

namespace CommunityModel.Campaigns;

/// <summary>
/// Checks <see cref="CampaignOptions"/> at start-up: a known time zone, bootcamp session bounds of at least one and in
/// order, windows and lifetimes above zero, a group target of at least two. Each failure names its setting by configuration
/// path: under the section the options were bound from (e.g. <c>Community:Campaigns:BootcampMaxSessions</c>), or relative
/// to the options.
/// </summary>
public sealed class CampaignOptionsValidator : IValidateOptions<CampaignOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>TimeZone</c>.</summary>
    public CampaignOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Campaigns</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public CampaignOptionsValidator(string? sectionPath) => _prefix = SectionPath.Prefix(sectionPath);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CampaignOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.BindingProblems.Concat(Problems(options).Select(p => _prefix + p)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with the options, each starting with the setting's name.</summary>
    internal static List<string> Problems(CampaignOptions options)
    {
        var problems = new List<string>();
        if (Zone(options.TimeZone) is null)
        {
            problems.Add($"{nameof(CampaignOptions.TimeZone)} '{options.TimeZone}' is not a known time zone; use an IANA id such as Asia/Shanghai.");
        }

        if (options.BootcampMinSessions < 1)
        {
            problems.Add($"{nameof(CampaignOptions.BootcampMinSessions)} is {options.BootcampMinSessions}; a bootcamp has at least one session.");
        }

        if (options.BootcampMaxSessions < options.BootcampMinSessions)
        {
            problems.Add($"{nameof(CampaignOptions.BootcampMaxSessions)} is {options.BootcampMaxSessions}, below {nameof(CampaignOptions.BootcampMinSessions)} {options.BootcampMinSessions}.");
        }

        if (options.ConversionWindow <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(CampaignOptions.ConversionWindow)} is {options.ConversionWindow}; it must be above zero.");
        }

        if (options.GroupBuyMinTarget < 2)
        {
            problems.Add($"{nameof(CampaignOptions.GroupBuyMinTarget)} is {options.GroupBuyMinTarget}; a group buy needs at least two participants.");
        }

        if (options.FlashGroupMaxLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(CampaignOptions.FlashGroupMaxLifetime)} is {options.FlashGroupMaxLifetime}; it must be above zero.");
        }

        return problems;
    }

    /// <summary>The time zone of an id, or <see langword="null"/> when it is unknown.</summary>
    internal static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
