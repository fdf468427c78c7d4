using System.Threading.Channels;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.Storage;

namespace CommunityModel.Crm.State;

/// <summary>
/// Decides commands one at a time, stores them in batches, and shows reads only what is stored.
/// <list type="bullet">
/// <item>Requests queue for one writer loop. The loop takes every request waiting (up to <see cref="MaxBatch"/>),
/// decides each on the community in turn, and appends all their events in one SQLite transaction (group commit). A
/// request is answered only once that transaction is committed and flushed to disk (<see cref="IEventLog.FlushAsync"/>).
/// While a batch is appended and flushed, the loop decides the requests that arrive meanwhile (the next batch), and
/// appends them as soon as the previous transaction is committed: the next batch's inserts run beside the previous
/// batch's flush.</item>
/// <item>The <see cref="Community"/> applies its events as it decides, so the loop holds the read gate from the first
/// decision of a batch until every batch decided is committed: a read waits and never sees a decision that is not
/// stored. A read waiting for the gate stops the overlap, so reads get their turn under a steady stream of writes.</item>
/// <item>If the batch's append or flush fails (the disk, another writer moved a stream: <c>persistence.version_conflict</c>), every
/// request of the batch, and of the batch decided on top of it, gets the error and the community is rebuilt from the store. If a command fails after it
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
    private int _readersWaiting; // reads waiting for the gate: the loop stops pipelining to let them in
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
        Interlocked.Increment(ref _readersWaiting);
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _readersWaiting);
        }

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
        var inFlight = new Queue<InFlight>(); // decided batches whose appends are under way, oldest first: the read gate stays held meanwhile
        while (true)
        {
            if (inFlight.Count == 0)
            {
                if (!await _queue.Reader.WaitToReadAsync())
                {
                    break;
                }

                await _gate.WaitAsync();
            }

            try
            {
                await RunBatchAsync(inFlight);
            }
#pragma warning disable CA1031 // the loop outlives any one batch; the batch's callers got the error
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, e);
                _current = null;
                await SettleAllAsync(inFlight);
            }
            finally
            {
                if (inFlight.Count == 0)
                {
                    _gate.Release();
                }
            }
        }
    }

    // One turn of the loop: answers the batches in flight that are on disk, in order, then decides the requests waiting
    // and starts their append, which follows the previous batch's commit. A batch that failed fails every batch decided
    // on top of it, and memory is rebuilt from the store once they have all settled.
    private async Task RunBatchAsync(Queue<InFlight> inFlight)
    {
        if (inFlight.Count > 0 && !_queue.Reader.TryPeek(out _) && !inFlight.Peek().Durable.IsCompleted)
        {
            // Decide the next requests as soon as they come, while the batches before them wait for the disk; once the
            // writer is stopping, no request comes: wait for the disk alone.
            await (_queue.Reader.Completion.IsCompleted ? (Task)inFlight.Peek().Durable : Task.WhenAny(inFlight.Peek().Durable, _queue.Reader.WaitToReadAsync().AsTask()));
        }

        while (inFlight.TryPeek(out var oldest) && oldest.Durable.IsCompleted)
        {
            inFlight.Dequeue();
            if (await oldest.Durable is { } failure)
            {
                Fail(oldest.Commands, failure);
                await SettleAllAsync(inFlight, failure);
                await TryRebuildAsync();
                return;
            }

            oldest.Answer();
        }

        if (!_queue.Reader.TryPeek(out _))
        {
            return;
        }

        var batch = new List<(PendingCommand Command, CommandContext Context, long Expected, bool Decided)>();
        CommunityState state;
        try
        {
            state = await CurrentAsync(); // with batches in flight, memory is the state they decided on
        }
        catch (Exception e)
        {
            // The store cannot be read: every waiting request is told so, none is decided on a state that may be wrong.
            while (_queue.Reader.TryRead(out var waiting))
            {
                waiting.Complete(e); // crm.unavailable
            }

            return;
        }

        var dirty = false;
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
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
        var commands = batch.ConvertAll(b => b.Command);
        List<StreamAppend> appends = [.. batch.Where(b => b.Decided && b.Context.Events.Count > 0).Select(b => new StreamAppend(b.Command.StreamId, b.Expected, b.Context.Events, b.Command.Actor))];
        var previous = inFlight.Count > 0 ? inFlight.Last().Committed : null;
        inFlight.Enqueue(appends.Count == 0 && previous is null ? InFlight.Nothing(commands) : Append(previous, appends, commands));

        // Group commit, pipelined: while this batch is appended and flushed, the loop decides the next one. It settles
        // everything in flight here instead when memory must be rebuilt after the batch, or when a read is waiting.
        if (dirty || Volatile.Read(ref _readersWaiting) > 0)
        {
            if (await SettleAllAsync(inFlight) || dirty)
            {
                _current = null;
                await TryRebuildAsync();
            }
        }
    }

    // Waits for every batch in flight and answers them in order; from the first that failed on, each gets that failure.
    // Returns whether one failed.
    private async Task<bool> SettleAllAsync(Queue<InFlight> inFlight, Exception? failed = null)
    {
        while (inFlight.TryDequeue(out var batch))
        {
            var failure = await batch.Durable;
            failed ??= failure;
            if (failed is null)
            {
                batch.Answer();
            }
            else
            {
                Fail(batch.Commands, failed);
            }
        }

        return failed is not null;
    }

    // Starts a batch's append once the batch before it is committed (the store takes one transaction at a time, in the
    // order decided), then its flush, which many batches share. A batch decided on one that failed fails with it.
    private InFlight Append(Task<Exception?>? previous, List<StreamAppend> appends, List<PendingCommand> commands)
    {
        var committed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var durable = Task.Run(async () =>
        {
            if (previous is not null && await previous is { } previousFailure)
            {
                committed.SetResult(previousFailure);
                return previousFailure;
            }

            if (appends.Count > 0)
            {
                try
                {
                    await store.AppendBatchAsync(appends, CancellationToken.None);
                }
#pragma warning disable CA1031 // the failure is every request's answer
                catch (Exception e)
#pragma warning restore CA1031
                {
                    committed.SetResult(e);
                    return e;
                }
            }

            committed.SetResult(null);
            try
            {
                await store.FlushAsync();
                return null;
            }
#pragma warning disable CA1031 // the failure is every request's answer
            catch (Exception e)
#pragma warning restore CA1031
            {
                return e as CrmException ?? CrmException.Unconfirmed(e); // committed: stored or not, the disk did not say
            }
        });
        return new InFlight(committed.Task, durable, commands);
    }

    private void Fail(List<PendingCommand> commands, Exception e)
    {
        _current = null;
        var failure = e as CommunityModelException ?? new CrmException(CrmErrorCodes.Unavailable, "The batch could not be stored; nothing changed. Try again.", inner: e);
        foreach (var command in commands)
        {
            command.Complete(failure);
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

    // A batch decided and being appended: the next batch's append waits for its commit, its requests are answered once it
    // is also flushed to disk.
    private sealed record InFlight(Task<Exception?> Committed, Task<Exception?> Durable, List<PendingCommand> Commands)
    {
        private static readonly Task<Exception?> Done = Task.FromResult<Exception?>(null);

        // A batch that stores nothing, with nothing in flight before it: its answers (refusals) are due at once.
        public static InFlight Nothing(List<PendingCommand> commands) => new(Done, Done, commands);

        public void Answer()
        {
            foreach (var command in Commands)
            {
                command.Complete(null);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of commands was not stored; the community is rebuilt from the event store.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
