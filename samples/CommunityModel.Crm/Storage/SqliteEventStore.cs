using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Errors;
using CommunityModel.Persistence;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// The library's <see cref="IEventStore"/> over one append-only SQLite table, created on first use. Each append is one
/// transaction, so a command is stored whole or not at all; the unique key on <c>(stream, version)</c> and the version
/// check inside the write transaction make two writers on one stream fail with <see cref="StreamConcurrencyException"/>
/// rather than interleave. <c>position</c> is the global append order that <see cref="ReadAllAsync"/> follows.
/// Every row names the account that asked for it (<c>actor</c>). <see cref="AppendBatchAsync"/> stores the commands of
/// many requests in one transaction (group commit), on a connection of its own whose statements are prepared once
/// (<see cref="AppendConnection"/>); <see cref="FlushAsync"/> then puts every transaction committed so far on disk with
/// one flush of the log (<see cref="WalFlush"/>), while the next transaction is written. <c>position</c> is the row id:
/// rows are never deleted, so it only grows.
/// </summary>
internal sealed class SqliteEventStore : IEventStore, IEventLog, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            position    INTEGER PRIMARY KEY,
            stream      TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            type        TEXT    NOT NULL,
            occurred_at TEXT    NOT NULL,
            data        TEXT    NOT NULL,
            actor       TEXT    NOT NULL DEFAULT '',
            UNIQUE (stream, version)
        );
        """;

    // Pages of the log are copied into the file (a checkpoint) on a connection of their own, every so many commits, so an
    // append never waits for it; a passive checkpoint takes no lock the writer needs.
    private const int CommitsPerCheckpoint = 200;

    private readonly string _connectionString;
    private readonly EventSerializer _serializer;
    private readonly SemaphoreSlim _appendGate = new(1, 1);
    private readonly bool _flushEachCommit;
    private AppendConnection? _writer; // opened on the first append, its statements prepared once
    private WalFlush? _flush; // flushes the log for the commits that must survive a power cut
    private int _commitsSinceCheckpoint;
    private bool _checkpointRest; // the log was copied in the background: the next append copies what was committed meanwhile
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>Creates the store over a file.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="serializer">The event serializer.</param>
    /// <param name="flushEachCommit">True (the default): <see cref="FlushAsync"/> returns once the commits are on disk, so they survive a power cut; false: at once, and they survive a killed process only.</param>
    public SqliteEventStore(string path, EventSerializer serializer, bool flushEachCommit = true)
    {
        _flushEachCommit = flushEachCommit;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Creates the file, its folder and the table if they do not exist yet. Write-ahead logging lets reads run beside the writer.</summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">The file holds an <c>events</c> table without streams (written before streams existed).</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; " + Schema; // durability is the append connection's and the flush's
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'stream'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidOperationException($"{Path} holds an events table without streams; it was written by an earlier version of this sample. Move it away to start a new one.");
        }

        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'actor'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE events ADD COLUMN actor TEXT NOT NULL DEFAULT ''"; // rows stored before accounts existed name nobody
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        await AppendBatchAsync([new StreamAppend(streamId, expectedVersion, events, "")], cancellationToken);
        await FlushAsync();
        return expectedVersion + events.Count;
    }

    /// <inheritdoc/>
    public async Task AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appends);

        // An unregistered type fails before anything is written.
        var rows = new SerializedEvent[appends.Count][];
        for (var i = 0; i < appends.Count; i++)
        {
            var events = appends[i].Events;
            var serialized = new SerializedEvent[events.Count];
            for (var e = 0; e < events.Count; e++)
            {
                serialized[e] = _serializer.Serialize(events[e]);
            }

            rows[i] = serialized;
        }

        await _appendGate.WaitAsync(cancellationToken);
        try
        {
            if (_flush?.Failure is { } failure)
            {
                throw new CrmException(CrmErrorCodes.Unavailable, "The disk failed to confirm an earlier write; the CRM takes no more writes until it is restarted.", inner: failure);
            }

            if (_writer is null)
            {
                _writer = AppendConnection.Open(_connectionString);
                _flush?.Reopen(); // the log may be another file now
            }

            var writer = _writer;
            try
            {
                writer.Append(appends, rows, cancellationToken);
            }
            catch (Exception e) when (e is not StreamConcurrencyException and not OperationCanceledException)
            {
                // The connection may be left in any state by a failed disk or file: the next append opens a new one.
                _writer = null;
                writer.Dispose();
                throw;
            }

            (_flush ??= new WalFlush(Path + "-wal")).Written();
            CheckpointAfterCommit(writer);
        }
        finally
        {
            _appendGate.Release();
        }
    }

    /// <inheritdoc/>
    public Task FlushAsync() => _flushEachCommit && _flush is { } flush ? flush.FlushAsync() : Task.CompletedTask;

    /// <inheritdoc/>
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        return ReadAsync("WHERE stream = $stream AND version >= $from ORDER BY version", streamId, fromVersion, cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromPosition, 1);
        return ReadAsync("WHERE position >= $from ORDER BY position", null, fromPosition, cancellationToken);
    }

    /// <summary>The events stored after a position, oldest first, as stored (the downstream feed); only committed rows are read.</summary>
    /// <param name="after">The last position the reader has; 0 for the beginning.</param>
    /// <param name="limit">The most events.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    public async Task<FeedEvent[]> ReadFeedAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, stream, version, type, occurred_at, actor, data FROM events WHERE position > $after ORDER BY position LIMIT $limit";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        var events = new List<FeedEvent>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var data = JsonDocument.Parse(reader.GetString(6));
            events.Add(new FeedEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(5), data.RootElement.Clone()));
        }

        return [.. events];
    }

    /// <inheritdoc/>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        if (_flush?.Failure is { } failure)
        {
            throw new CrmException(CrmErrorCodes.Unavailable, "The disk failed to confirm an earlier write; the CRM takes no more writes until it is restarted.", inner: failure);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM events LIMIT 1)";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Releases the pooled connections, so the file can be moved or deleted once the host has stopped.</summary>
    public void Dispose()
    {
        _checkpoint.Wait();
        _writer?.Dispose();
        _writer = null;
        _flush?.Dispose();
        _flush = null;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async IAsyncEnumerable<RecordedEvent> ReadAsync(string where, string? streamId, long from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream, version, position, type, data FROM events " + where;
        command.Parameters.AddWithValue("$from", from);
        if (streamId is not null)
        {
            command.Parameters.AddWithValue("$stream", streamId);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // An unknown name or unreadable JSON throws the library's typed error naming the type: history is never dropped.
            var e = _serializer.Deserialize(reader.GetString(3), Encoding.UTF8.GetBytes(reader.GetString(4)));
            yield return new RecordedEvent(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), e);
        }
    }

    // Every so many commits the log is copied into the file on another connection, beside the appends; once that is done,
    // the next append copies the pages committed meanwhile, so the log starts over rather than growing without end.
    private void CheckpointAfterCommit(AppendConnection writer)
    {
        if (_checkpointRest && _checkpoint.IsCompleted)
        {
            _checkpointRest = false;
            try
            {
                writer.CheckpointRest();
            }
#pragma warning disable CA1031 // the log stays longer until the next checkpoint; the commit is done
            catch (SqliteException)
#pragma warning restore CA1031
            {
            }
        }
        else if (++_commitsSinceCheckpoint >= CommitsPerCheckpoint && _checkpoint.IsCompleted)
        {
            _commitsSinceCheckpoint = 0;
            _checkpointRest = true;
            _checkpoint = Task.Run(Checkpoint);
        }
    }

    // A failed checkpoint leaves the log longer until the next one; the log itself is intact.
    private async Task Checkpoint()
    {
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await command.ExecuteNonQueryAsync();
        }
#pragma warning disable CA1031 // the next checkpoint tries again
        catch (SqliteException)
#pragma warning restore CA1031
        {
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
