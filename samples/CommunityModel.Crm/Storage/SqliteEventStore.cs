using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CommunityModel.Persistence;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// The library's <see cref="IEventStore"/> over one append-only SQLite table, created on first use. Each append is one
/// transaction, so a command is stored whole or not at all; the unique key on <c>(stream, version)</c> and the version
/// check inside the write transaction make two writers on one stream fail with <see cref="StreamConcurrencyException"/>
/// rather than interleave. <c>position</c> is the global append order that <see cref="ReadAllAsync"/> follows.
/// Every row names the account that asked for it (<c>actor</c>). <see cref="AppendBatchAsync"/> stores the commands of
/// many requests in one transaction: one disk flush for all of them (group commit).
/// </summary>
internal sealed class SqliteEventStore : IEventStore, IEventLog, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            position    INTEGER PRIMARY KEY AUTOINCREMENT,
            stream      TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            type        TEXT    NOT NULL,
            occurred_at TEXT    NOT NULL,
            data        TEXT    NOT NULL,
            actor       TEXT    NOT NULL DEFAULT '',
            UNIQUE (stream, version)
        );
        """;

    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly EventSerializer _serializer;

    public SqliteEventStore(string path, EventSerializer serializer)
    {
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
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + Schema;
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
        return expectedVersion + events.Count;
    }

    /// <inheritdoc/>
    public async Task AppendBatchAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appends);

        // An unregistered type fails before anything is written.
        var rows = appends.Select(a => a.Events.Select(e => (Event: e, Serialized: _serializer.Serialize(e))).ToList()).ToList();

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken); // BEGIN IMMEDIATE: the write lock is taken before the versions are read
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO events (stream, version, type, occurred_at, data, actor) VALUES ($stream, $version, $type, $occurred_at, $data, $actor)";
        var stream = command.Parameters.Add("$stream", SqliteType.Text);
        var next = command.Parameters.Add("$version", SqliteType.Integer);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var occurredAt = command.Parameters.Add("$occurred_at", SqliteType.Text);
        var data = command.Parameters.Add("$data", SqliteType.Text);
        var actor = command.Parameters.Add("$actor", SqliteType.Text);

        // The first append of each stream in the batch is checked against the file: another process may have moved it.
        var checkedStreams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (checkedStreams.Add(append.StreamId) && await VersionAsync(connection, transaction, append.StreamId, cancellationToken) is var stored && stored != append.ExpectedVersion)
            {
                throw new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, stored); // rolled back on dispose
            }

            var version = append.ExpectedVersion;
            stream.Value = append.StreamId;
            actor.Value = append.Actor;
            try
            {
                foreach (var (e, serialized) in rows[i])
                {
                    next.Value = ++version;
                    type.Value = serialized.Type;
                    occurredAt.Value = e.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
                    data.Value = Encoding.UTF8.GetString(serialized.Data.Span);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
            {
                // Another writer that does not take the write lock first got there: the key (stream, version) refuses the row.
                await transaction.RollbackAsync(CancellationToken.None);
                throw new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, await VersionAsync(connection, null, append.StreamId, CancellationToken.None));
            }
        }

        cancellationToken.ThrowIfCancellationRequested(); // a cancelled append writes nothing: the transaction is rolled back on dispose
        await transaction.CommitAsync(CancellationToken.None);
    }

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

    /// <summary>Releases the pooled connections, so the file can be moved or deleted once the host has stopped.</summary>
    public void Dispose()
    {
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

    private static async Task<long> VersionAsync(SqliteConnection connection, SqliteTransaction? transaction, string streamId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", streamId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
