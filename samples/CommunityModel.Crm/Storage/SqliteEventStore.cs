using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// One append-only table of the library's events (and the CRM's own), in a SQLite file created on first use.
/// Each command's events are appended in one transaction, so a command is stored whole or not at all;
/// <see cref="ReadAll"/> returns them in the order they were appended, which is the order replay needs.
/// </summary>
internal sealed class SqliteEventStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            position    INTEGER PRIMARY KEY AUTOINCREMENT,
            type        TEXT    NOT NULL,
            member      INTEGER NULL,
            occurred_at TEXT    NOT NULL,
            data        TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS events_member ON events (member, position);
        """;

    private readonly string _connectionString;

    public SqliteEventStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Creates the file, its folder and the table if they do not exist yet. Write-ahead logging lets reads run beside the writer.</summary>
    public void Initialize()
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>Appends one command's events in one transaction: all of them or none.</summary>
    /// <param name="events">The events, in the order they happened.</param>
    public void Append(IReadOnlyList<IDomainEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO events (type, member, occurred_at, data) VALUES ($type, $member, $occurred_at, $data)";
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var member = command.Parameters.Add("$member", SqliteType.Integer);
        var occurredAt = command.Parameters.Add("$occurred_at", SqliteType.Text);
        var data = command.Parameters.Add("$data", SqliteType.Text);
        foreach (var e in events)
        {
            var (name, typeInfo) = EventTypes.Of(e);
            type.Value = name;
            member.Value = EventTypes.MemberOf(e) is { } id ? id : DBNull.Value;
            occurredAt.Value = e.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
            data.Value = JsonSerializer.Serialize(e, typeInfo);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Every stored event, in append order.</summary>
    /// <returns>The events.</returns>
    /// <exception cref="InvalidOperationException">A row holds a type this application does not know or JSON that does not read.</exception>
    public List<IDomainEvent> ReadAll()
    {
        var events = new List<IDomainEvent>();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, type, data FROM events ORDER BY position";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var position = reader.GetInt64(0);
            var name = reader.GetString(1);
            if (!EventTypes.TryGet(name, out var typeInfo))
            {
                throw new InvalidOperationException($"Event {position} in {Path} has the unknown type '{name}'.");
            }

            try
            {
                events.Add((IDomainEvent)JsonSerializer.Deserialize(reader.GetString(2), typeInfo)!);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"Event {position} ({name}) in {Path} does not read: {e.Message}", e);
            }
        }

        return events;
    }

    /// <summary>Releases the pooled connections, so the file can be moved or deleted once the host has stopped.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
