using System.Text.RegularExpressions;
using CommunityModel.Crm.Errors;

namespace CommunityModel.Crm.Api;

/// <summary>
/// What an id or a name may be: 1 to 64 of <c>A-Z a-z 0-9 . _ : -</c>, so every id stored can be named again in a URL
/// and none is large. A refusal names the field and its length, never the value.
/// </summary>
internal static partial class InputRules
{
    /// <summary>The longest id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>A required id, trimmed of nothing: it must match <c>^[A-Za-z0-9._:-]{1,64}$</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The request field (camelCase).</param>
    /// <returns>The id.</returns>
    /// <exception cref="CrmException">Missing or malformed.</exception>
    public static string Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw CrmException.Invalid(field, $"The field '{field}' is required.");
        }

        return IdPattern().IsMatch(value)
            ? value
            : throw CrmException.Invalid(field, $"The field '{field}' ({value.Length} characters) must be 1 to {MaxIdLength} of the characters A-Z a-z 0-9 . _ : -.");
    }

    /// <summary>An account name: 3 to 64 of <c>A-Z a-z 0-9 . _ -</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    public static string UserName(string? value, string field) =>
        value is not null && UserNamePattern().IsMatch(value)
            ? value
            : throw CrmException.Invalid(field, $"The field '{field}' must be 3 to 64 of the characters A-Z a-z 0-9 . _ -.");

    /// <summary>A free-text reason (a discount's): 1 to 200 characters.</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The field.</param>
    /// <returns>The trimmed reason.</returns>
    public static string Reason(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw CrmException.Invalid(field, $"The field '{field}' is required: say why.")
        : value.Length > 200 ? throw CrmException.Invalid(field, $"The field '{field}' ({value.Length} characters) must be at most 200 characters.")
        : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
