using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Persistence;

/// <summary>
/// Every event type a store may hold, by stable name and by type: built once from the packages' lists
/// (<see cref="CommunityEventTypes.All"/>, and <c>CommissionEventTypes.All</c> from the commissions package), then read
/// on every write (an event's name) and every read (a name's metadata). Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var registry = new EventTypeRegistry([.. CommunityEventTypes.All, .. CommissionEventTypes.All]);
/// </code>
/// </example>
public sealed class EventTypeRegistry
{
    private readonly FrozenDictionary<string, EventType> _byName;
    private readonly FrozenDictionary<Type, EventType> _byType;

    /// <summary>Builds the registry, checking every entry.</summary>
    /// <param name="types">The event types, e.g. <see cref="CommunityEventTypes.All"/> and the commissions package's list together.</param>
    /// <exception cref="InvalidEventTypesException">
    /// A name or a type appears twice, a name is not a stable versioned name, or a type is not an <see cref="IDomainEvent"/>;
    /// the error lists every problem (code <see cref="ErrorCodes.InvalidEventTypes"/>).
    /// </exception>
    public EventTypeRegistry(IEnumerable<EventType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var all = types.ToImmutableArray();
        var problems = new List<string>();
        var byName = new Dictionary<string, EventType>(StringComparer.Ordinal);
        var byType = new Dictionary<Type, EventType>();
        foreach (var type in all)
        {
            if (type is null)
            {
                problems.Add("an entry is null");
                continue;
            }

            if (EventType.ProblemWithName(type.Name) is { } problem)
            {
                problems.Add(problem);
            }

            if (!typeof(IDomainEvent).IsAssignableFrom(type.Type))
            {
                problems.Add($"{type.Type.FullName} (named '{type.Name}') is not an {nameof(IDomainEvent)}");
            }

            if (type.Name is not null && !byName.TryAdd(type.Name, type))
            {
                problems.Add($"the name '{type.Name}' is given to both {byName[type.Name].Type.FullName} and {type.Type.FullName}");
            }

            if (!byType.TryAdd(type.Type, type))
            {
                problems.Add($"{type.Type.FullName} is named both '{byType[type.Type].Name}' and '{type.Name}'");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidEventTypesException(problems);
        }

        Types = all;
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byType = byType.ToFrozenDictionary();
    }

    /// <summary>The registered event types, in the order given.</summary>
    public ImmutableArray<EventType> Types { get; }

    /// <summary>The registered event type of an event.</summary>
    /// <param name="domainEvent">The event to store.</param>
    /// <returns>Its name and metadata.</returns>
    /// <exception cref="UnregisteredEventTypeException">The event's type has no registered name (code <see cref="ErrorCodes.UnregisteredEventType"/>).</exception>
    public EventType Of(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return _byType.TryGetValue(domainEvent.GetType(), out var type) ? type : throw new UnregisteredEventTypeException(domainEvent.GetType());
    }

    /// <summary>The registered event type of a stored name.</summary>
    /// <param name="name">The name read from the store.</param>
    /// <returns>Its type and metadata.</returns>
    /// <exception cref="UnknownEventTypeException">No event type has the name (code <see cref="ErrorCodes.UnknownEventType"/>).</exception>
    public EventType Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var type) ? type : throw new UnknownEventTypeException(name);
    }

    /// <summary>The registered event type of a stored name, when there is one.</summary>
    /// <param name="name">The name read from the store.</param>
    /// <param name="type">The event type, when known.</param>
    /// <returns>Whether the name is registered.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out EventType? type)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out type);
    }
}
