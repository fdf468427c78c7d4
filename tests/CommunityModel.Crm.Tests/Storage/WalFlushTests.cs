using CommunityModel.Crm.Errors;
using CommunityModel.Crm.Storage;

namespace CommunityModel.Crm.Tests.Storage;

/// <summary>The log's flush: one flush serves every commit written before it; a failed one is final.</summary>
public sealed class WalFlushTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Nothing_written_is_nothing_to_wait_for_and_commits_written_are_answered_once_flushed()
    {
        await File.WriteAllBytesAsync(_db.Path + "-wal", new byte[4096]);
        using var flush = new WalFlush(_db.Path + "-wal");

        Assert.True(flush.FlushAsync().IsCompletedSuccessfully);

        flush.Written();
        flush.Written();
        var first = flush.FlushAsync();
        flush.Written();
        var second = flush.FlushAsync();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(flush.FlushAsync().IsCompletedSuccessfully); // all three are on disk
        Assert.Null(flush.Failure);
    }

    [Fact]
    public async Task A_failed_flush_fails_every_caller_waiting_and_every_flush_after_it()
    {
        using var flush = new WalFlush(Path.Combine(Path.GetDirectoryName(_db.Path)!, "missing", "crm.db-wal"));
        flush.Written();

        var failed = await Assert.ThrowsAsync<CrmException>(flush.FlushAsync);
        var after = await Assert.ThrowsAsync<CrmException>(flush.FlushAsync); // nothing new written: still refused

        Assert.Equal(CrmErrorCodes.Unavailable, failed.ErrorCode);
        Assert.IsType<DirectoryNotFoundException>(failed.InnerException);
        Assert.Equal(CrmErrorCodes.Unavailable, after.ErrorCode);
        Assert.NotNull(flush.Failure);
    }

    [Fact]
    public async Task After_the_append_connection_is_opened_anew_the_flush_opens_the_log_anew()
    {
        var wal = _db.Path + "-wal";
        await File.WriteAllBytesAsync(wal, new byte[4096]);
        using var flush = new WalFlush(wal);
        flush.Written();
        await flush.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // The log is deleted (as SQLite does when its last connection closes): the handle kept still flushes the old file.
        File.Delete(wal);
        flush.Written();
        await flush.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Once told the connection is new, the flush looks for the log again instead of flushing a deleted file.
        flush.Reopen();
        flush.Written();
        var failed = await Assert.ThrowsAsync<CrmException>(flush.FlushAsync);

        Assert.IsType<FileNotFoundException>(failed.InnerException);
    }
}
