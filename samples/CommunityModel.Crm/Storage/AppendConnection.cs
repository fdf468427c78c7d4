using CommunityModel.Persistence;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// The connection <see cref="SqliteEventStore"/> appends on, kept open with its two statements prepared once: the
/// stream's stored version and the insert. Each batch is one <c>BEGIN IMMEDIATE</c> transaction (the write lock is taken
/// before any version is read). With <c>synchronous = FULL</c> (the default) the write-ahead log is flushed to disk before
/// the commit returns, so a batch answered survives a killed process and a power cut; with <c>NORMAL</c>
/// (<see cref="CrmOptions.FlushEachCommit"/> false) it survives a killed process, and a power cut or an OS crash may lose
/// the last batches answered (never part of one). One caller at a time.
/// </summary>
internal sealed class AppendConnection : IDisposable
{
    private const int SqliteConstraint = 19;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _versionStream;
    private readonly SqliteParameter _stream;
    private readonly SqliteParameter _next;
    private readonly SqliteParameter _type;
    private readonly SqliteParameter _occurredAt;
    private readonly SqliteParameter _data;
    private readonly SqliteParameter _actor;

    private AppendConnection(SqliteConnection connection, int synchronous)
    {
        _connection = connection;
        Synchronous = synchronous;
        _version = connection.CreateCommand();
        _version.CommandText = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $stream";
        _versionStream = _version.Parameters.Add("$stream", SqliteType.Text);
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO events (stream, version, type, occurred_at, data, actor) VALUES ($stream, $version, $type, $occurred_at, $data, $actor)";
        _stream = _insert.Parameters.Add("$stream", SqliteType.Text);
        _next = _insert.Parameters.Add("$version", SqliteType.Integer);
        _type = _insert.Parameters.Add("$type", SqliteType.Text);
        _occurredAt = _insert.Parameters.Add("$occurred_at", SqliteType.Text);
        _data = _insert.Parameters.Add("$data", SqliteType.Text);
        _actor = _insert.Parameters.Add("$actor", SqliteType.Text);
    }

    /// <summary>The <c>synchronous</c> level in force on the connection, read back from SQLite: 2 FULL, 1 NORMAL.</summary>
    public int Synchronous { get; }

    /// <summary>Opens the connection (WAL; synchronous FULL, or NORMAL) and prepares its statements.</summary>
    /// <param name="connectionString">The store's connection string.</param>
    /// <param name="flushEachCommit">True: every commit is flushed to disk before it returns (FULL); false: NORMAL.</param>
    /// <returns>The connection.</returns>
    public static AppendConnection Open(string connectionString, bool flushEachCommit)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            int synchronous;
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = " + (flushEachCommit ? "FULL" : "NORMAL") + ";";
                pragma.ExecuteNonQuery();
                pragma.CommandText = "PRAGMA synchronous";
                synchronous = Convert.ToInt32(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            var append = new AppendConnection(connection, synchronous);
            append._version.Prepare();
            append._insert.Prepare();
            return append;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Appends every command of a batch in one transaction, each at the version it was decided on.</summary>
    /// <param name="appends">The commands.</param>
    /// <param name="rows">Each command's events, serialized: type, time, JSON.</param>
    /// <param name="cancellationToken">Cancels before the commit; never after.</param>
    /// <exception cref="StreamConcurrencyException">Another writer moved one of the streams; nothing was stored.</exception>
    public void Append(IReadOnlyList<StreamAppend> appends, IReadOnlyList<List<(string Type, string OccurredAt, string Data)>> rows, CancellationToken cancellationToken)
    {
        using var transaction = _connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
        _version.Transaction = transaction;
        _insert.Transaction = transaction;

        // The first append of each stream in the batch is checked against the file: another process may have moved it.
        var checkedStreams = new HashSet<string>(appends.Count, StringComparer.Ordinal);
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            if (checkedStreams.Add(append.StreamId) && Version(append.StreamId) is var stored && stored != append.ExpectedVersion)
            {
                throw new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, stored); // rolled back on dispose
            }

            var version = append.ExpectedVersion;
            _stream.Value = append.StreamId;
            _actor.Value = append.Actor;
            try
            {
                foreach (var (type, occurredAt, data) in rows[i])
                {
                    _next.Value = ++version;
                    _type.Value = type;
                    _occurredAt.Value = occurredAt;
                    _data.Value = data;
                    _insert.ExecuteNonQuery();
                }
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
            {
                // Another writer that does not take the write lock first got there: the key (stream, version) refuses the row.
                transaction.Rollback();
                _version.Transaction = null;
                throw new StreamConcurrencyException(append.StreamId, append.ExpectedVersion, Version(append.StreamId));
            }
        }

        cancellationToken.ThrowIfCancellationRequested(); // a cancelled append writes nothing: the transaction is rolled back on dispose
        transaction.Commit();
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _version.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }

    private long Version(string streamId)
    {
        _versionStream.Value = streamId;
        return (long)_version.ExecuteScalar()!;
    }
}
