using System.Text.Json;

namespace CommunityModel.Persistence;

/// <summary>
/// A stored event's JSON does not read as its registered type (malformed, or missing what the type needs).
/// Code <see cref="ErrorCodes.UnreadableEvent"/>; the inner exception holds the JSON error.
/// </summary>
public sealed class UnreadableEventException : CommunityModelException
{
    /// <summary>Creates the error naming the event type.</summary>
    /// <param name="name">The stored name.</param>
    /// <param name="innerException">Why the JSON did not read.</param>
    public UnreadableEventException(string name, JsonException? innerException)
        : base(ErrorCodes.UnreadableEvent, $"A stored '{name}' event does not read: {innerException?.Message ?? "the JSON is null"}", innerException) => Name = name;

    /// <summary>The stored name.</summary>
    public string Name { get; }
}
