using System.Collections.Immutable;

namespace CommunityModel;

/// <summary>What a command did: the events to store, in order, and whether it only repeated an earlier command.</summary>
/// <param name="Events">The events, in the order the community applied them; empty for a repeat.</param>
/// <param name="IsRepeat">
/// Whether the command repeated an order or a refund already taken (same id, same request): nothing changed and nothing
/// needs storing.
/// </param>
public sealed record CommunityChange(ImmutableArray<IDomainEvent> Events, bool IsRepeat = false)
{
    /// <summary>The events of a given type, in order.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The events.</returns>
    public IEnumerable<T> EventsOf<T>() where T : IDomainEvent => Events.OfType<T>();
}
