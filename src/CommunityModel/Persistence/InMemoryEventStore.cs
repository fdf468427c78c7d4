using System.Runtime.CompilerServices;

namespace CommunityModel.Persistence;

/// <summary>
/// A thread-safe in-memory <see cref="IEventStore"/>: the reference for tests, samples and simulations. Appends are
/// checked and made under one lock; reads see the events appended before they began.
/// </summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly List<RecordedEvent> _all = [];
    private readonly Lock _gate = new();

    /// <summary>How many events are stored, over every stream.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The stream id is blank, the expected version negative, or an event null.</exception>
    public ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event {i} of the append to '{streamId}' is null.", nameof(events));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var stream = _streams.GetValueOrDefault(streamId);
            var version = stream?.Count ?? 0;
            if (version != expectedVersion)
            {
                throw new StreamConcurrencyException(streamId, expectedVersion, version);
            }

            if (events.Count == 0)
            {
                return ValueTask.FromResult((long)version);
            }

            if (stream is null)
            {
                _streams.Add(streamId, stream = []);
            }

            foreach (var e in events)
            {
                var recorded = new RecordedEvent(streamId, stream.Count + 1, _all.Count + 1, e);
                stream.Add(recorded);
                _all.Add(recorded);
            }

            return ValueTask.FromResult((long)stream.Count);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        lock (_gate)
        {
            var stream = _streams.GetValueOrDefault(streamId);
            return Enumerate(stream is null || fromVersion > stream.Count ? [] : stream[(int)(fromVersion - 1)..].ToArray(), cancellationToken);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromPosition, 1);
        lock (_gate)
        {
            return Enumerate(fromPosition > _all.Count ? [] : _all[(int)(fromPosition - 1)..].ToArray(), cancellationToken);
        }
    }

    private static async IAsyncEnumerable<RecordedEvent> Enumerate(RecordedEvent[] events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
