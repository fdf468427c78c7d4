using System.Text.Json;

namespace CommunityModel.Persistence;

/// <summary>
/// Turns events into what a store keeps — a stable name and UTF-8 JSON — and back, through the source-generated
/// metadata of an <see cref="EventTypeRegistry"/>: no reflection, trimming- and AOT-safe. Thread-safe.
/// </summary>
/// <param name="registry">The registered event types.</param>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    private readonly EventTypeRegistry _registry = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>The registered event types.</summary>
    public EventTypeRegistry Registry => _registry;

    /// <summary>Writes an event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>Its name and JSON.</returns>
    /// <exception cref="UnregisteredEventTypeException">The event's type has no registered name.</exception>
    public SerializedEvent Serialize(IDomainEvent domainEvent)
    {
        var type = _registry.Of(domainEvent);
        return new SerializedEvent(type.Name, JsonSerializer.SerializeToUtf8Bytes(domainEvent, type.TypeInfo));
    }

    /// <summary>Reads a stored event.</summary>
    /// <param name="type">The stored name.</param>
    /// <param name="utf8Json">The stored UTF-8 JSON.</param>
    /// <returns>The event.</returns>
    /// <exception cref="UnknownEventTypeException">No event type has the name.</exception>
    /// <exception cref="UnreadableEventException">The JSON does not read as the named type.</exception>
    public IDomainEvent Deserialize(string type, ReadOnlySpan<byte> utf8Json)
    {
        var eventType = _registry.Get(type);
        try
        {
            return JsonSerializer.Deserialize(utf8Json, eventType.TypeInfo) as IDomainEvent ?? throw new UnreadableEventException(type, null);
        }
        catch (JsonException e)
        {
            throw new UnreadableEventException(type, e);
        }
    }

    /// <summary>Reads a stored event.</summary>
    /// <param name="serialized">The stored name and JSON.</param>
    /// <returns>The event.</returns>
    /// <exception cref="UnknownEventTypeException">No event type has the name.</exception>
    /// <exception cref="UnreadableEventException">The JSON does not read as the named type.</exception>
    public IDomainEvent Deserialize(SerializedEvent serialized) => Deserialize(serialized.Type, serialized.Data.Span);
}
