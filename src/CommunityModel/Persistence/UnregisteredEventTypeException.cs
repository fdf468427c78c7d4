namespace CommunityModel.Persistence;

/// <summary>
/// An event was to be stored whose type has no name in the <see cref="EventTypeRegistry"/>. Nothing was written.
/// Code <see cref="ErrorCodes.UnregisteredEventType"/>.
/// </summary>
public sealed class UnregisteredEventTypeException : CommunityModelException
{
    /// <summary>Creates the error naming the type.</summary>
    /// <param name="eventType">The event's type.</param>
    public UnregisteredEventTypeException(Type eventType)
        : base(ErrorCodes.UnregisteredEventType, $"{eventType?.FullName} has no registered event name; add it to the registry with its name and JSON metadata.") =>
        EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));

    /// <summary>The event's type.</summary>
    public Type EventType { get; }
}
