namespace CommunityModel.Validation;

/// <summary>
/// Names settings in validation messages by the configuration path they were actually bound from
/// (<c>Community:Metrics:TimeZone</c>), or relative to the options (<c>TimeZone</c>) when they were set in code.
/// One rule for every options validator, so each message names a path the application can find.
/// </summary>
internal static class SectionPath
{
    /// <summary>The configuration key delimiter (<c>ConfigurationPath.KeyDelimiter</c>), without a dependency on configuration.</summary>
    public const string KeyDelimiter = ":";

    /// <summary>The text put in front of a setting's relative path: <c>"Community:Metrics:"</c> for that section, empty for none.</summary>
    /// <param name="sectionPath">The section's path; <see langword="null"/> or empty when the options were set in code.</param>
    public static string Prefix(string? sectionPath) =>
        string.IsNullOrEmpty(sectionPath) ? string.Empty : sectionPath + KeyDelimiter;

    /// <summary>
    /// Puts <paramref name="prefix"/> in front of each problem after the first <paramref name="alreadyNamed"/>,
    /// which the configuration readers already named by their full path (values that could not be read).
    /// </summary>
    public static IEnumerable<string> Under(string prefix, IEnumerable<string> problems, int alreadyNamed = 0) =>
        prefix.Length == 0 ? problems : problems.Select((p, i) => i < alreadyNamed ? p : prefix + p);
}
