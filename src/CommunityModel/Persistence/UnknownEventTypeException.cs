namespace CommunityModel.Persistence;

/// <summary>
/// A store holds an event under a name the <see cref="EventTypeRegistry"/> does not know: written by a newer version, by
/// another application, or by a package not registered. Reading stops rather than silently dropping history.
/// Code <see cref="ErrorCodes.UnknownEventType"/>.
/// </summary>
public sealed class UnknownEventTypeException : CommunityModelException
{
    /// <summary>Creates the error naming the name.</summary>
    /// <param name="name">The stored name.</param>
    public UnknownEventTypeException(string name)
        : base(ErrorCodes.UnknownEventType, $"No registered event type is named '{name}'; register the package that writes it, or a newer version of it.") => Name = name;

    /// <summary>The stored name.</summary>
    public string Name { get; }
}
