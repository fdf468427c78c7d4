using System.Text.Json.Serialization.Metadata;

namespace CommunityModel.Persistence;

/// <summary>
/// The stored name of one event type with its source-generated JSON metadata: what a store writes in its type column,
/// and how the event's JSON reads back. Names are lower case, dotted, and end in a version
/// (<c>membership.purchased.v1</c>); a name never changes meaning once stored — a changed shape gets a new version.
/// </summary>
/// <param name="Name">The stable, versioned name, e.g. <c>lifecycle.member_transitioned.v1</c>.</param>
/// <param name="TypeInfo">The generated metadata of the event's type, from a shipped JSON context.</param>
public sealed record EventType(string Name, JsonTypeInfo TypeInfo)
{
    /// <summary>The event's type.</summary>
    public Type Type => TypeInfo.Type;

    /// <summary>Why a name is not a stable, versioned event name; null when it is one.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The problem, or null.</returns>
    internal static string? ProblemWithName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "an event type has no name";
        }

        var parts = name.Split('.');
        var version = parts[^1];
        var versioned = version.Length > 1 && version[0] == 'v' && version[1] != '0' && version.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;
        var wordsWellFormed = parts.Length >= 3 && parts[..^1].All(IsWord);
        return versioned && wordsWellFormed
            ? null
            : $"'{name}' is not a stable event name: lower-case dotted words ending in a version, e.g. 'membership.purchased.v1'";
    }

    private static bool IsWord(string part) =>
        part.Length > 0 && part[0] is >= 'a' and <= 'z' && part.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
