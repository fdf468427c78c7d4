using CommunityModel.Crm.Storage;

namespace CommunityModel.Crm.State;

/// <summary>
/// Runs commands one at a time and stores their events before anyone sees their effects.
/// <list type="bullet">
/// <item>One <see cref="SemaphoreSlim"/> serialises every command and every read, so two requests never decide on the
/// same state and a read never sees a decision that is not stored yet.</item>
/// <item>A command's events are appended to its stream in one SQLite transaction, at the version the CRM read the
/// stream at; a request is answered only after the commit.</item>
/// <item>The <see cref="Community"/> applies its events as it decides. If a command fails after it decided, or the
/// append fails (another writer moved the stream: <c>persistence.version_conflict</c>), a fresh community is
/// rebuilt from the store, so memory never holds what the database does not.</item>
/// </list>
/// </summary>
internal sealed class CommunityWriter(SqliteEventStore store, CommunityFactory factory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CommunityState? _current;

    private CommunityState Current => _current ?? throw new InvalidOperationException("The community has not been loaded from the event store yet.");

    /// <summary>Creates the database if needed and rebuilds the community by replaying every stored event.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The number of events replayed and of members.</returns>
    public async Task<(int Events, int Members)> LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await store.InitializeAsync(cancellationToken);
            var (state, count) = await RebuildAsync(cancellationToken);
            _current = state;
            return (count, state.Community.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the state as of the last committed command.</summary>
    /// <typeparam name="T">The answer.</typeparam>
    /// <param name="read">The read.</param>
    /// <param name="cancellationToken">Cancels the wait for the gate.</param>
    /// <returns>The answer.</returns>
    public async Task<T> ReadAsync<T>(Func<CommunityState, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return read(Current);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a command alone, appends its events to its stream in one transaction, then answers.</summary>
    /// <typeparam name="T">The command's answer.</typeparam>
    /// <param name="streamId">The stream the command's events go to.</param>
    /// <param name="command">Decides, through the community, and records the events.</param>
    /// <param name="cancellationToken">Cancels the wait for the gate (never a command under way).</param>
    /// <returns>The command's answer.</returns>
    public async Task<T> ExecuteAsync<T>(string streamId, Func<CommandContext, T> command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = Current;
            var context = new CommandContext(state, streamId);
            T answer;
            long version;
            try
            {
                answer = command(context);
                version = context.Events.Count == 0
                    ? state.VersionOf(streamId)
                    : await store.AppendAsync(streamId, state.VersionOf(streamId), context.Events, CancellationToken.None);
            }
            catch when (context.Events.Count > 0)
            {
                // The community applied what it decided, but it was not stored: start again from the store.
                (_current, _) = await RebuildAsync(CancellationToken.None);
                throw;
            }

            state.Committed(streamId, version, context.Events);
            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(CommunityState State, int Count)> RebuildAsync(CancellationToken cancellationToken)
    {
        var state = factory.Create();
        var count = 0;
        await foreach (var recorded in store.ReadAllAsync(1, cancellationToken))
        {
            state.Replay(recorded);
            count++;
        }

        return (state, count);
    }
}
