using CommunityModel.Crm.Storage;
using CommunityModel.Persistence;

namespace CommunityModel.Crm.Tests.State;

/// <summary>The CRM's SQLite store with a switch: appends, flushes and reads fail, or an append waits at the commit until released.</summary>
internal sealed class FailingEventLog(SqliteEventStore inner) : IEventLog
{
    private TaskCompletionSource? _held;

    public bool FailAppends { get; set; }

    public bool FailReads { get; set; }

    /// <summary>When set, appends commit but the disk does not confirm them: the outcome is unknown to the writer.</summary>
    public bool FailFlushes { get; set; }

    /// <summary>When set, that many more appends succeed and every one after them fails.</summary>
    public int? AppendsBeforeFailing { get; set; }

    /// <summary>Completed once an append is waiting at the commit.</summary>
    public TaskCompletionSource AppendWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next append waits until <see cref="Release"/>.</summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _held?.TrySetResult();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public async Task AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        if (_held is { } held)
        {
            AppendWaiting.TrySetResult();
            await held.Task;
            _held = null;
        }

        if (AppendsBeforeFailing is { } left)
        {
            AppendsBeforeFailing = left - 1;
        }

        if (FailAppends || AppendsBeforeFailing < 0)
        {
            throw new IOException("disk I/O error (the test's failing store)");
        }

        await inner.AppendBatchAsync(appends, cancellationToken);
    }

    public Task FlushAsync() =>
        FailFlushes ? Task.FromException(new IOException("fdatasync: input/output error (the test's failing store)")) : inner.FlushAsync();

    public Task PingAsync(CancellationToken cancellationToken) =>
        FailReads ? throw new IOException("disk I/O error on read (the test's failing store)") : inner.PingAsync(cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default) =>
        FailReads ? throw new IOException("disk I/O error on read (the test's failing store)") : inner.ReadAllAsync(fromPosition, cancellationToken);
}
