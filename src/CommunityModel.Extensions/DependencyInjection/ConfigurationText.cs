using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Reads option values from their configuration text, without reflection (AOT- and trim-clean).
/// The configuration-binding source generator binds <see cref="CommunityModel.Money"/>, <see cref="CommunityModel.Rate"/>
/// and <see cref="CommunityModel.Currency"/> member by member and ignores their text form (<c>"3600.00 CNY"</c>,
/// <c>"10%"</c>, <c>"CNY"</c>; dotnet/runtime#83599), so every reader of such options uses these.
/// A missing or blank value reads as <see langword="null"/>; a value that does not parse also reads as
/// <see langword="null"/> and adds a problem naming its path, e.g.
/// <c>Catalog:Products:0:Price is '3600.005 CNY', which is not an amount with its currency, e.g. '3600.00 CNY'.</c>
/// </summary>
public static class ConfigurationText
{
    /// <summary>Reads an amount with its currency, e.g. <c>"3600.00 CNY"</c> at <paramref name="key"/>; <see langword="null"/> when missing, blank or not parsable (then a problem naming the path is added).</summary>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static Money? Money(IConfiguration section, string key, ICollection<string> problems) =>
        Parse<Money>(section, key, problems, "an amount with its currency, e.g. '3600.00 CNY'", text => CommunityModel.Money.TryParse(text, CultureInfo.InvariantCulture, out var m) ? m : null);

    /// <summary>Reads a rate, e.g. <c>"10%"</c> at <paramref name="key"/>; <see langword="null"/> when missing, blank or not parsable (then a problem naming the path is added).</summary>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <remarks>
    /// A rate in a file is written with its unit, <c>"10%"</c> or <c>"1.5‰"</c>: a bare number is a problem that says so,
    /// because <c>"10"</c> and <c>"0.1"</c> are both plausible spellings of ten percent and must not be guessed.
    /// </remarks>
    public static Rate? Rate(IConfiguration section, string key, ICollection<string> problems)
    {
        var text = section[key]?.Trim();
        if (!string.IsNullOrEmpty(text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"{PathOf(section, key)} is '{text}', a bare number: write the rate with its unit, e.g. '{text}%' or '{text}‰'.");
            return null;
        }

        return Parse<Rate>(section, key, problems, "a rate with its unit, e.g. '10%' or '1.5‰'", text => CommunityModel.Rate.TryParse(text, CultureInfo.InvariantCulture, out var r) ? r : null);
    }

    /// <summary>Reads an ISO 4217 currency code, e.g. <c>"CNY"</c> at <paramref name="key"/>; <see langword="null"/> when missing, blank or not parsable (then a problem naming the path is added).</summary>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static Currency? Currency(IConfiguration section, string key, ICollection<string> problems) =>
        Parse<Currency>(section, key, problems, "an ISO 4217 currency code, e.g. 'CNY'", text => CommunityModel.Currency.TryFromCode(text, out var c) ? c : null);

    /// <summary>Reads a whole number at <paramref name="key"/>; <see langword="null"/> when missing, blank or not parsable (then a problem naming the path is added).</summary>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static int? Int(IConfiguration section, string key, ICollection<string> problems) =>
        Parse<int>(section, key, problems, "a whole number", text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null);

    /// <summary>Reads <c>true</c> or <c>false</c> at <paramref name="key"/>; <see langword="null"/> when missing, blank or not parsable (then a problem naming the path is added).</summary>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static bool? Bool(IConfiguration section, string key, ICollection<string> problems) =>
        Parse<bool>(section, key, problems, "true or false", text => bool.TryParse(text, out var b) ? b : null);

    /// <summary>Reads a duration, e.g. <c>"7.00:00:00"</c> at <paramref name="key"/>; <see langword="null"/> when missing, blank or not parsable (then a problem naming the path is added).</summary>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static TimeSpan? TimeSpan(IConfiguration section, string key, ICollection<string> problems) =>
        Parse<TimeSpan>(section, key, problems, "a duration, e.g. '7.00:00:00'", text => System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : null);

    /// <summary>Reads an enum member by name (case-insensitive) at <paramref name="key"/>; <see langword="null"/> when missing, blank or not a defined member (then a problem naming the path is added).</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="section">The section holding the value.</param>
    /// <param name="key">The key under the section.</param>
    /// <param name="problems">Receives a problem for a value that does not parse.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static T? Enum<T>(IConfiguration section, string key, ICollection<string> problems)
        where T : struct, Enum =>
        Parse<T>(section, key, problems, "one of " + string.Join(", ", System.Enum.GetNames<T>()), text => System.Enum.TryParse<T>(text, ignoreCase: true, out var e) && System.Enum.IsDefined(e) ? e : null);

    /// <summary>The children of a list section in index order ("0", "1", ... "10"), whatever order the provider gives them.</summary>
    /// <param name="list">The list section.</param>
    /// <returns>Its children in index order.</returns>
    public static IEnumerable<IConfigurationSection> Items(IConfigurationSection list) =>
        list.GetChildren().OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);

    private static string PathOf(IConfiguration section, string key) =>
        section is IConfigurationSection s && s.Path.Length > 0 ? s.Path + ConfigurationPath.KeyDelimiter + key : key;

    private static T? Parse<T>(IConfiguration section, string key, ICollection<string> problems, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            problems.Add($"{PathOf(section, key)} is '{text}', which is not {expected}.");
        }

        return value;
    }
}
