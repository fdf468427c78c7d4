using System.Collections.Concurrent;

namespace CommunityModel.Persistence;

/// <summary>A thread-safe in-memory <see cref="ISnapshotStore{TSnapshot}"/>: the reference for tests, samples and simulations.</summary>
/// <typeparam name="TSnapshot">The snapshot record.</typeparam>
public sealed class InMemorySnapshotStore<TSnapshot> : ISnapshotStore<TSnapshot>
    where TSnapshot : class
{
    private readonly ConcurrentDictionary<string, StoredSnapshot<TSnapshot>> _latest = new(StringComparer.Ordinal);

    /// <summary>How many streams have a snapshot.</summary>
    public int Count => _latest.Count;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The stream id is blank or the version below 1.</exception>
    public ValueTask<bool> SaveAsync(StoredSnapshot<TSnapshot> snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.StreamId, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.State, nameof(snapshot));
        cancellationToken.ThrowIfCancellationRequested();
        var kept = _latest.AddOrUpdate(snapshot.StreamId, snapshot, (_, stored) => stored.Version >= snapshot.Version ? stored : snapshot);
        return ValueTask.FromResult(ReferenceEquals(kept, snapshot));
    }

    /// <inheritdoc/>
    public ValueTask<StoredSnapshot<TSnapshot>?> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_latest.GetValueOrDefault(streamId));
    }
}
