using CommunityModel.Commissions.Persistence;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.Storage;
using CommunityModel.Metrics;
using CommunityModel.Persistence;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Tests.Storage;

/// <summary>The SQLite store keeps the library's <see cref="IEventStore"/> contract: versions per stream, one position over all, all or nothing.</summary>
public sealed class SqliteEventStoreTests : IDisposable
{
    private static readonly EventSerializer Serializer = new(new EventTypeRegistry([.. CommunityEventTypes.All, .. CommissionEventTypes.All, .. CrmEventTypes.All]));
    private static readonly DateTimeOffset Now = Clock.Start().GetUtcNow();

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_store_not_flushing_each_commit_has_nothing_to_wait_for_after_an_append()
    {
        using var store = new SqliteEventStore(_db.Path, Serializer, flushEachCommit: false);
        await store.InitializeAsync();

        await store.AppendBatchAsync([new StreamAppend("member-1", 0, [Active(1, 0)], "admin")], CancellationToken.None);

        Assert.True(store.FlushAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_flush_the_disk_refuses_is_final_the_store_takes_no_more_writes_and_is_not_ready()
    {
        using var store = new SqliteEventStore(_db.Path, Serializer);
        await store.InitializeAsync();
        await store.AppendBatchAsync([new StreamAppend("member-1", 0, [Active(1, 0)], "admin")], CancellationToken.None);
        File.Delete(_db.Path + "-wal"); // the log the flush must reach is gone

        var unconfirmed = await Assert.ThrowsAsync<CrmException>(store.FlushAsync);
        var refused = await Assert.ThrowsAsync<CrmException>(() => store.AppendBatchAsync([new StreamAppend("member-2", 0, [Active(2, 1)], "admin")], CancellationToken.None));
        var notReady = await Assert.ThrowsAsync<CrmException>(() => store.PingAsync(CancellationToken.None));

        Assert.Equal(CrmErrorCodes.Unavailable, unconfirmed.ErrorCode);
        Assert.Contains("may or may not be stored", unconfirmed.Message, StringComparison.Ordinal);
        Assert.Equal(CrmErrorCodes.Unavailable, refused.ErrorCode);
        Assert.Contains("until it is restarted", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CrmErrorCodes.Unavailable, notReady.ErrorCode);
        await Assert.ThrowsAsync<CrmException>(store.FlushAsync); // a later flush never vouches for what the failed one lost
    }

    [Fact]
    public async Task The_log_is_copied_into_the_file_and_started_over_instead_of_growing_with_every_commit()
    {
        using var store = new SqliteEventStore(_db.Path, Serializer);
        await store.InitializeAsync();

        for (var i = 0; i < 2_000; i++)
        {
            await store.AppendAsync("member-1", i, [Active(1, i)]);
        }

        // Each commit adds about 9 KB of pages to the log: 18 MB for these, were it never started over.
        Assert.InRange(new FileInfo(_db.Path + "-wal").Length, 1, 6_000_000);
        Assert.Equal(2_000, StoredEvents.All(_db.Path));
    }

    [Fact]
    public async Task Versions_count_per_stream_and_positions_count_across_streams()
    {
        var store = await StoreAsync();

        Assert.Equal(2, await store.AppendAsync("member-1", 0, [Active(1, 0), Active(1, 1)]));
        Assert.Equal(1, await store.AppendAsync("member-2", 0, [Active(2, 2)]));
        Assert.Equal(3, await store.AppendAsync("member-1", 2, [Active(1, 3)]));

        var all = await ReadAsync(store.ReadAllAsync());
        Assert.Equal(
            new[] { ("member-1", 1L, 1L), ("member-1", 2L, 2L), ("member-2", 1L, 3L), ("member-1", 3L, 4L) },
            all.Select(r => (r.StreamId, r.Version, r.Position)));
        Assert.Equal(new IDomainEvent[] { Active(1, 0), Active(1, 1), Active(2, 2), Active(1, 3) }, all.Select(r => r.Event));
        Assert.Equal(new[] { 2L, 3L }, (await ReadAsync(store.ReadStreamAsync("member-1", 2))).Select(r => r.Version));
        Assert.Equal(new[] { 3L, 4L }, (await ReadAsync(store.ReadAllAsync(3))).Select(r => r.Position));
        Assert.Empty(await ReadAsync(store.ReadStreamAsync("member-9")));
    }

    [Fact]
    public async Task An_append_at_a_stale_version_is_refused_naming_both_versions_and_writes_nothing()
    {
        var store = await StoreAsync();
        await store.AppendAsync("member-1", 0, [Active(1, 0)]);

        var conflict = await Assert.ThrowsAsync<StreamConcurrencyException>(async () => await store.AppendAsync("member-1", 0, [Active(1, 1), Active(1, 2)]));

        Assert.Equal(("persistence.version_conflict", "member-1", 0L, 1L), (conflict.ErrorCode, conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(1, StoredEvents.All(_db.Path));
        await Assert.ThrowsAsync<StreamConcurrencyException>(async () => await store.AppendAsync("member-1", 5, [Active(1, 3)]));
    }

    [Fact]
    public async Task Writers_on_two_connections_racing_one_stream_store_exactly_one_append()
    {
        await StoreAsync();
        var writers = Enumerable.Range(0, 8).Select(_ => new SqliteEventStore(_db.Path, Serializer)).ToArray();

        var results = await Task.WhenAll(writers.Select(async (w, i) =>
        {
            try
            {
                await w.AppendAsync("member-1", 0, [Active(1, i), Active(1, i + 100)]);
                return true;
            }
            catch (StreamConcurrencyException)
            {
                return false;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY: the other writer held the lock too long; nothing written
            {
                return false;
            }
        }));

        Assert.Single(results, r => r);
        Assert.Equal(2, StoredEvents.InStream(_db.Path, "member-1"));
        foreach (var w in writers)
        {
            w.Dispose();
        }
    }

    [Fact]
    public async Task A_cancelled_append_or_an_event_without_a_name_writes_nothing()
    {
        var store = await StoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AppendAsync("member-1", 0, [Active(1, 0)], cancelled.Token));
        var unnamed = await Assert.ThrowsAsync<UnregisteredEventTypeException>(async () => await store.AppendAsync("member-1", 0, [Active(1, 0), new NotRegistered(Now)]));

        Assert.Equal("persistence.unregistered_event_type", unnamed.ErrorCode);
        Assert.Equal(0, StoredEvents.All(_db.Path));
    }

    [Fact]
    public async Task A_row_of_a_type_nobody_registered_stops_the_read_naming_it()
    {
        var store = await StoreAsync();
        await store.AppendAsync("member-1", 0, [Active(1, 0)]);
        Execute("INSERT INTO events (stream, version, type, occurred_at, data) VALUES ('member-1', 2, 'crm.unheard_of.v1', '2026-03-01T01:00:00+00:00', '{}')");

        var unknown = await Assert.ThrowsAsync<UnknownEventTypeException>(async () => await ReadAsync(store.ReadAllAsync()));

        Assert.Contains("crm.unheard_of.v1", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_written_before_streams_existed_is_refused_at_start()
    {
        Execute("CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, member INTEGER NULL, occurred_at TEXT NOT NULL, data TEXT NOT NULL)");
        using var store = new SqliteEventStore(_db.Path, Serializer);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());

        Assert.Contains("without streams", error.Message, StringComparison.Ordinal);
    }

    private static ActivityRecorded Active(long member, int minutes) => new(new MemberId(member), Now.AddMinutes(minutes));

    private static async Task<List<RecordedEvent>> ReadAsync(IAsyncEnumerable<RecordedEvent> events)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }

    private async Task<SqliteEventStore> StoreAsync()
    {
        var store = new SqliteEventStore(_db.Path, Serializer);
        await store.InitializeAsync();
        return store;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record NotRegistered(DateTimeOffset OccurredAt) : IDomainEvent;
}
