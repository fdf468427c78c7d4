using System.Runtime.InteropServices;
using CommunityModel.Crm.Errors;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// Makes the commits in SQLite's write-ahead log survive a power cut, many commits per flush. The append connection
/// commits into the log without waiting for the disk (<c>synchronous = NORMAL</c>); a caller that must not answer before
/// its commit is on disk awaits <see cref="FlushAsync"/>. A thread of its own flushes the log file (<c>fdatasync</c>, as
/// SQLite does) for every commit written before the flush began, and starts the next flush as soon as one ends while
/// commits wait. So a batch's flush runs while the next batch is inserted and committed, instead of holding the write
/// lock as <c>synchronous = FULL</c> does.
/// <para>A flush that fails is final: the operating system may have dropped the pages it could not write, so a later
/// flush that succeeds proves nothing. Every flush after it throws, and the store refuses appends until it is restarted.</para>
/// </summary>
internal sealed class WalFlush : IDisposable
{
    private readonly string _walPath;
    private readonly Lock _lock = new();
    private readonly Queue<(long Commit, TaskCompletionSource Done)> _waiting = new(); // by commit, oldest first
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _thread;
    private FileStream? _log; // opened on the first flush, after the first commit created the log; used by the flush thread only
    private int _logGeneration; // the append connection's generation _log was opened for
    private int _generation; // counts the append connection's openings after the first
    private long _written; // commits written to the log
    private long _flushed; // commits known to be on disk
    private Exception? _failure;
    private bool _stopping;

    /// <summary>Starts the flushing thread for a database's log.</summary>
    /// <param name="walPath">The database's write-ahead log (<c>crm.db-wal</c>); it exists while the append connection is open.</param>
    public WalFlush(string walPath)
    {
        _walPath = walPath;
        _thread = new Thread(Run) { IsBackground = true, Name = "crm-wal-flush" };
        _thread.Start();
    }

    /// <summary>Why a flush failed, once one has; null while every flush succeeded.</summary>
    public Exception? Failure
    {
        get
        {
            lock (_lock)
            {
                return _failure;
            }
        }
    }

    /// <summary>
    /// The append connection was opened anew: the next flush opens the log anew too. SQLite deletes the log when the last
    /// connection closes and creates another file when one opens, so a handle kept from before may point at a deleted
    /// file, and flushing it would flush nothing that matters. Commits made before are in the old log or, once SQLite
    /// copied and flushed it on closing, in the database file.
    /// </summary>
    public void Reopen()
    {
        lock (_lock)
        {
            _generation++;
        }
    }

    /// <summary>Counts a commit written to the log (called after each commit, in commit order).</summary>
    public void Written()
    {
        lock (_lock)
        {
            _written++;
        }
    }

    /// <summary>Completes once every commit counted so far is on disk.</summary>
    /// <returns>A task; faulted with <see cref="CrmException"/> <c>crm.unavailable</c> when this flush or an earlier one failed.</returns>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            if (_failure is { } failure)
            {
                return Task.FromException(CrmException.Unconfirmed(failure));
            }

            if (_flushed >= _written)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((_written, done));
            _wake.Set();
            return done.Task;
        }
    }

    /// <summary>Flushes what is waiting, stops the thread and closes the log file's handle.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _stopping = true;
            _wake.Set();
        }

        _thread.Join();
        _log?.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _wake.Wait();
            long upTo;
            int generation;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _wake.Reset();
                    if (_stopping)
                    {
                        return;
                    }

                    continue;
                }

                upTo = _written; // every commit counted before the flush starts is covered by it
                generation = _generation;
            }

            Exception? failure = null;
            try
            {
                if (generation != _logGeneration)
                {
                    _log?.Dispose();
                    _log = null;
                    _logGeneration = generation;
                }

                _log ??= new FileStream(_walPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
                FlushToDisk(_log);
            }
#pragma warning disable CA1031 // the failure is every waiting caller's answer
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }

            lock (_lock)
            {
                if (failure is not null)
                {
                    _failure ??= failure;
                }
                else
                {
                    _flushed = upTo;
                }

                while (_waiting.TryPeek(out var next) && (_failure is not null || next.Commit <= _flushed))
                {
                    _waiting.Dequeue();
                    if (_failure is { } failed)
                    {
                        next.Done.SetException(CrmException.Unconfirmed(failed));
                    }
                    else
                    {
                        next.Done.SetResult();
                    }
                }
            }
        }
    }

    // The log's data, and its size when it grew (fdatasync on Linux, as SQLite itself flushes); elsewhere the file whole.
    private static void FlushToDisk(FileStream log)
    {
        if (!OperatingSystem.IsLinux())
        {
            log.Flush(flushToDisk: true);
            return;
        }

        var handle = log.SafeFileHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (FlushData((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fdatasync of {log.Name} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FlushData(int fileDescriptor);
}
