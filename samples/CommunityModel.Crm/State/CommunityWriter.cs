using System.Threading.Channels;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.Storage;

namespace CommunityModel.Crm.State;

/// <summary>
/// Decides commands one at a time, stores them in batches, and shows reads only what is stored.
/// <list type="bullet">
/// <item>Requests queue for one writer loop. The loop takes every request waiting (up to <see cref="MaxBatch"/>),
/// decides each on the community in turn, and appends all their events in one SQLite transaction (group commit: one
/// disk flush for the batch). A request is answered only after that commit.</item>
/// <item>The <see cref="Community"/> applies its events as it decides, so the loop holds the read gate from the first
/// decision of a batch to its commit: a read waits for the batch and never sees a decision that is not stored.</item>
/// <item>If the batch's append fails (the disk, another writer moved a stream: <c>persistence.version_conflict</c>), every
/// request of the batch gets the error and the community is rebuilt from the store. If a command fails after it
/// decided, the commands before it are stored and the community is rebuilt. If the rebuild fails too, reads answer
/// 503 <c>crm.unavailable</c> until a later rebuild succeeds: memory never holds what the database does not.</item>
/// </list>
/// </summary>
internal sealed partial class CommunityWriter(IEventLog store, CommunityFactory factory, ILogger<CommunityWriter> logger) : IAsyncDisposable
{
    /// <summary>The most requests stored in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<PendingCommand> _queue = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<PendingCommand> _carried = new();
    private CommunityState? _current; // null: memory may differ from the store; rebuilt before the next use
    private Task? _loop;

    /// <summary>Creates the database if needed, rebuilds the community by replaying every stored event and starts the writer loop.</summary>
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
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
            return (count, state.Community.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether the writer takes commands: its loop runs and memory matches the store (false before the first load, after
    /// the loop stopped, and while a failed write's rebuild has not succeeded).
    /// </summary>
    public bool IsRunning => _loop is { IsCompleted: false } && Volatile.Read(ref _current) is not null;

    /// <summary>Reads the state as of the last stored batch.</summary>
    /// <typeparam name="T">The answer.</typeparam>
    /// <param name="read">The read.</param>
    /// <param name="cancellationToken">Cancels the wait for the gate.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="CrmException"><c>crm.unavailable</c>: the store cannot be read to rebuild the state.</exception>
    public async Task<T> ReadAsync<T>(Func<CommunityState, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return read(await CurrentAsync());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Queues a command; it is decided alone, stored with its batch, then answered.</summary>
    /// <typeparam name="T">The command's answer.</typeparam>
    /// <param name="streamId">The stream the command's events go to.</param>
    /// <param name="actor">The signed-in account that asked; stored on each event.</param>
    /// <param name="command">Decides, through the community, and records the events.</param>
    /// <param name="cancellationToken">Cancels before the command is queued (never a command under way).</param>
    /// <returns>The command's answer.</returns>
    public Task<T> ExecuteAsync<T>(string streamId, string actor, Func<CommandContext, T> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingCommand<T>(streamId, actor, command);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new CrmException(CrmErrorCodes.Unavailable, "The CRM is stopping; try again.");
        }

        return pending.Task;
    }

    /// <summary>Stops taking commands and waits for the ones queued.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        while (_carried.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            await _gate.WaitAsync();
            try
            {
                await RunBatchAsync();
            }
#pragma warning disable CA1031 // the loop outlives any one batch; the batch's callers got the error
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, e);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task RunBatchAsync()
    {
        var batch = new List<(PendingCommand Command, CommandContext Context, long Expected, bool Decided)>();
        CommunityState state;
        try
        {
            state = await CurrentAsync();
        }
        catch (Exception e)
        {
            // The store cannot be read: every waiting request is told so, none is decided on a state that may be wrong.
            while (_carried.TryDequeue(out var waiting) || _queue.Reader.TryRead(out waiting))
            {
                waiting.Complete(e); // crm.unavailable
            }

            return;
        }

        var dirty = false;
        while (batch.Count < MaxBatch && (_carried.TryDequeue(out var pending) || _queue.Reader.TryRead(out pending)))
        {
            var context = new CommandContext(state, pending.StreamId);
            var expected = state.VersionOf(pending.StreamId);
            var decided = pending.Decide(context);
            batch.Add((pending, context, expected, decided));
            if (!decided)
            {
                if (context.Events.Count > 0)
                {
                    dirty = true; // the community applied part of a command that failed: store what came before, then rebuild
                    break;
                }

                continue;
            }

            // The stream's version and the CRM's indexes follow at once, so the next command of the batch decides on them.
            if (context.Events.Count > 0)
            {
                state.Committed(pending.StreamId, state.VersionOf(pending.StreamId) + context.Events.Count, context.Events);
            }
        }

        // A command's events follow the version the stream had when it decided (the batch's earlier commands included).
        List<StreamAppend> appends = [.. batch.Where(b => b.Decided && b.Context.Events.Count > 0).Select(b => new StreamAppend(b.Command.StreamId, b.Expected, b.Context.Events, b.Command.Actor))];

        try
        {
            if (appends.Count > 0)
            {
                await store.AppendBatchAsync(appends, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            _current = null;
            var failure = e as CommunityModelException ?? new CrmException(CrmErrorCodes.Unavailable, "The batch could not be stored; nothing changed. Try again.", inner: e);
            foreach (var (command, _, _, _) in batch)
            {
                command.Complete(failure);
            }

            await TryRebuildAsync();
            return;
        }

        if (dirty)
        {
            _current = null;
            await TryRebuildAsync();
        }

        foreach (var (command, _, _, _) in batch)
        {
            command.Complete(null);
        }
    }

    private async Task<CommunityState> CurrentAsync()
    {
        if (_current is { } state)
        {
            return state;
        }

        try
        {
            (_current, _) = await RebuildAsync(CancellationToken.None);
            return _current;
        }
        catch (Exception e) when (e is not CrmException)
        {
            throw new CrmException(CrmErrorCodes.Unavailable, "The CRM cannot read its event store; try again later.", inner: e);
        }
    }

    private async Task TryRebuildAsync()
    {
        try
        {
            await CurrentAsync();
        }
        catch (CrmException e)
        {
            LogBatchFailed(logger, e); // reads answer 503 and the next command retries the rebuild
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of commands was not stored; the community is rebuilt from the event store.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
