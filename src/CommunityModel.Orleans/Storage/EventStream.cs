using CommunityModel.Persistence;

namespace CommunityModel.Orleans.Storage;

/// <summary>
/// One grain's stream in the library's <see cref="IEventStore"/>: read once at activation, appended at the version the
/// grain decided on. A single activation per grain means the version never conflicts; if it does (a second activation
/// during a partition), the store refuses the append and the grain is deactivated to read again.
/// </summary>
internal sealed class EventStream(IEventStore store, string streamId)
{
    public string Id { get; } = streamId;

    public long Version { get; private set; }

    /// <summary>Reads every event after <paramref name="fromVersion"/> and hands each to <paramref name="apply"/>.</summary>
    public async Task ReadAsync(long fromVersion, Action<IDomainEvent> apply, CancellationToken cancellationToken)
    {
        Version = fromVersion;
        await foreach (var recorded in store.ReadStreamAsync(Id, fromVersion + 1, cancellationToken))
        {
            apply(recorded.Event);
            Version = recorded.Version;
        }
    }

    /// <summary>Appends the events of one decision, all or none.</summary>
    public async Task AppendAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        Version = await store.AppendAsync(Id, Version, events, cancellationToken);
    }
}
