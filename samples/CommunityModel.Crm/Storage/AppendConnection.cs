using System.Text;
using CommunityModel.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// The connection <see cref="SqliteEventStore"/> appends on, kept open with its statements prepared once and run through
/// SQLite's own interface: the events' JSON is bound as the UTF-8 it was serialized to, with no string in between. Each
/// batch is one <c>BEGIN IMMEDIATE</c> transaction (the write lock is taken before any version is read).
/// The connection runs <c>synchronous = NORMAL</c> in write-ahead-log mode: a commit is in the log, which survives a killed
/// process; making it survive a power cut too is the store's flush (<see cref="WalFlush"/>), which runs beside the next
/// batch's inserts instead of inside this one's commit. SQLite does not checkpoint here (<c>wal_autocheckpoint = 0</c>):
/// the store copies the log into the file on a connection of its own, so an append waits only for the few pages
/// committed meanwhile (<see cref="CheckpointRest"/>).
/// One caller at a time.
/// </summary>
internal sealed class AppendConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;
    private readonly sqlite3_stmt _version;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _checkpoint;
    private readonly Dictionary<string, byte[]> _typeNames = new(StringComparer.Ordinal); // each event type's name in UTF-8, encoded once

    private AppendConnection(SqliteConnection connection)
    {
        _connection = connection;
        _db = connection.Handle!;
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _version = Prepare("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?1");
        _insert = Prepare("INSERT INTO events (stream, version, type, occurred_at, data, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        _checkpoint = Prepare("PRAGMA wal_checkpoint(PASSIVE)");
    }

    /// <summary>Opens the connection (WAL, <c>synchronous = NORMAL</c>, no automatic checkpoint) and prepares its statements.</summary>
    /// <param name="connectionString">The store's connection string.</param>
    /// <returns>The connection.</returns>
    public static AppendConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
                pragma.ExecuteNonQuery();
            }

            return new AppendConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Appends every command of a batch in one transaction, each at the version it was decided on.</summary>
    /// <param name="appends">The commands.</param>
    /// <param name="rows">Each command's events, serialized.</param>
    /// <param name="cancellationToken">Cancels before the commit; never after.</param>
    /// <exception cref="StreamConcurrencyException">Another writer moved one of the streams; nothing was stored.</exception>
    /// <exception cref="SqliteException">SQLite refused a statement; nothing was stored.</exception>
    public void Append(IReadOnlyList<StreamAppend> appends, IReadOnlyList<SerializedEvent[]> rows, CancellationToken cancellationToken)
    {
        Run(_begin);
        var committed = false;
        try
        {
            // The first append of each stream in the batch is checked against the file: another process may have moved it.
            var checkedStreams = new HashSet<string>(appends.Count, StringComparer.Ordinal);
            Span<byte> occurredAt = stackalloc byte[40];
            for (var i = 0; i < appends.Count; i++)
            {
                var append = appends[i];
                if (checkedStreams.Add(append.StreamId) && Version(append.StreamId) is var stored && stored != append.ExpectedVersion)
                {
                    throw new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, stored);
                }

                var version = append.ExpectedVersion;
                var events = append.Events;
                for (var e = 0; e < events.Count; e++)
                {
                    var row = rows[i][e];
                    events[e].OccurredAt.TryFormat(occurredAt, out var written, "O", System.Globalization.CultureInfo.InvariantCulture);
                    Bind(raw.sqlite3_bind_text(_insert, 1, append.StreamId));
                    Bind(raw.sqlite3_bind_int64(_insert, 2, ++version));
                    Bind(raw.sqlite3_bind_text(_insert, 3, TypeName(row.Type)));
                    Bind(raw.sqlite3_bind_text(_insert, 4, occurredAt[..written]));
                    Bind(raw.sqlite3_bind_text(_insert, 5, row.Data.Span));
                    Bind(raw.sqlite3_bind_text(_insert, 6, append.Actor));
                    var rc = raw.sqlite3_step(_insert);
                    raw.sqlite3_reset(_insert);
                    if (rc == raw.SQLITE_CONSTRAINT)
                    {
                        // Another writer that does not take the write lock first got there: the key (stream, version) refuses the row.
                        Rollback();
                        throw new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, Version(append.StreamId));
                    }

                    Done(rc);
                }
            }

            cancellationToken.ThrowIfCancellationRequested(); // a cancelled append writes nothing: the transaction is rolled back below
            Run(_commit);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                Rollback();
            }
        }
    }

    /// <summary>
    /// Copies into the file the pages of the log not copied yet, between two transactions: after the store's own checkpoint
    /// copied most of them, this copies the few committed since, so the next transaction starts the log over instead of
    /// growing it.
    /// </summary>
    public void CheckpointRest()
    {
        var rc = raw.sqlite3_step(_checkpoint);
        raw.sqlite3_reset(_checkpoint);
        if (rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _version.Dispose();
        _insert.Dispose();
        _checkpoint.Dispose();
        _connection.Dispose();
    }

    private long Version(string streamId)
    {
        try
        {
            Bind(raw.sqlite3_bind_text(_version, 1, streamId));
            var rc = raw.sqlite3_step(_version);
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_column_int64(_version, 0);
        }
        finally
        {
            raw.sqlite3_reset(_version);
        }
    }

    private byte[] TypeName(string type)
    {
        if (!_typeNames.TryGetValue(type, out var utf8))
        {
            _typeNames[type] = utf8 = Encoding.UTF8.GetBytes(type);
        }

        return utf8;
    }

    private void Run(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        Done(rc);
    }

    // Ends an open transaction; nothing to do when SQLite already rolled it back or none is open.
    private void Rollback()
    {
        if (raw.sqlite3_get_autocommit(_db) == 0)
        {
            raw.sqlite3_step(_rollback);
            raw.sqlite3_reset(_rollback);
        }
    }

    private void Done(int rc)
    {
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Bind(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return statement;
    }
}
