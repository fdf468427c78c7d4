namespace CommunityModel.Persistence;

/// <summary>
/// An append-only store of events in streams (a member, an order, the referral network), with optimistic concurrency per
/// stream: an append names the version it decided on and fails, writing nothing, when another writer got there first.
/// An integrator implements it over their database (a table keyed by stream and version, the type column holding an
/// <see cref="EventType.Name"/>, the data column the <see cref="EventSerializer"/>'s JSON); <see cref="InMemoryEventStore"/>
/// is the reference.
/// </summary>
public interface IEventStore
{
    /// <summary>Appends events to a stream, all or none, if the stream is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="expectedVersion">The stream's version the events were decided on: 0 for a stream with no events yet.</param>
    /// <param name="events">The events, in the order they happened.</param>
    /// <param name="cancellationToken">Cancels the append; a cancelled append writes nothing.</param>
    /// <returns>The stream's version after the append: <paramref name="expectedVersion"/> plus the number of events.</returns>
    /// <exception cref="StreamConcurrencyException">The stream is at another version; nothing was written.</exception>
    ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream's events in order, from a version on.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="fromVersion">The first version to read (1 for the whole stream; a snapshot's version plus one for what came after it).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The events, oldest first; none for an unknown stream.</returns>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default);

    /// <summary>Reads every stream's events in the order they were appended, to rebuild everything.</summary>
    /// <param name="fromPosition">The first position to read (1 for the whole store).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The events, in append order.</returns>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default);
}
