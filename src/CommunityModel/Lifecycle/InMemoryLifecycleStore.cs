using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Lifecycle;

/// <summary>A thread-safe in-memory <see cref="ILifecycleStore"/>: the reference for tests, samples and simulations.</summary>
public sealed class InMemoryLifecycleStore : ILifecycleStore
{
    private readonly ConcurrentDictionary<MemberId, LifecycleState> _states = new();

    /// <summary>How many members are stored.</summary>
    public int Count => _states.Count;

    /// <inheritdoc/>
    public bool TryGet(MemberId member, [NotNullWhen(true)] out LifecycleState? state) => _states.TryGetValue(member, out state);

    /// <inheritdoc/>
    public bool TryAdd(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _states.TryAdd(state.Member, state);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="next"/> is not the next version of the same member.</exception>
    public bool TryReplace(LifecycleState current, LifecycleState next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (next.Member != current.Member || next.Version != current.Version + 1)
        {
            throw new ArgumentException($"The next state must be version {current.Version + 1} of member {current.Member}, not version {next.Version} of member {next.Member}.", nameof(next));
        }

        return _states.TryGetValue(current.Member, out var stored)
            && stored.Version == current.Version
            && _states.TryUpdate(current.Member, next, stored);
    }
}
