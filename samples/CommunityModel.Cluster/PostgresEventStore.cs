using System.Runtime.CompilerServices;
using CommunityModel.Orleans.Events;
using CommunityModel.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace CommunityModel.Cluster;

/// <summary>
/// The library's <see cref="IEventStore"/> over PostgreSQL: one row per event, the stream and its version unique, so an
/// append at a stale version fails as <see cref="StreamConcurrencyException"/> whichever silo made it.
/// </summary>
internal sealed class PostgresEventStore(NpgsqlDataSource database) : IEventStore
{
    private readonly EventSerializer _serializer = new(ClusterEventTypes.Registry());

    public const string Schema = """
        create table if not exists community_events (
            position bigserial primary key,
            stream_id text not null,
            version bigint not null,
            type text not null,
            data jsonb not null,
            unique (stream_id, version));
        """;

    public async ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var current = new NpgsqlCommand("select coalesce(max(version), 0) from community_events where stream_id = $1", connection, transaction))
        {
            current.Parameters.Add(new() { Value = streamId });
            var actual = (long)(await current.ExecuteScalarAsync(cancellationToken))!;
            if (actual != expectedVersion)
            {
                throw new StreamConcurrencyException(streamId, expectedVersion, actual);
            }
        }

        var version = expectedVersion;
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var e in events)
        {
            var serialized = _serializer.Serialize(e);
            var insert = new NpgsqlBatchCommand("insert into community_events (stream_id, version, type, data) values ($1, $2, $3, $4)");
            insert.Parameters.Add(new() { Value = streamId });
            insert.Parameters.Add(new() { Value = ++version });
            insert.Parameters.Add(new() { Value = serialized.Type });
            insert.Parameters.Add(new() { Value = serialized.Data.ToArray(), NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(insert);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another writer appended between the check and the insert.
            throw new StreamConcurrencyException(streamId, expectedVersion, expectedVersion + 1);
        }
        finally
        {
            await batch.DisposeAsync();
        }

        return version;
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var read = new NpgsqlCommand("select version, position, type, data::text from community_events where stream_id = $1 and version >= $2 order by version", connection);
        read.Parameters.Add(new() { Value = streamId });
        read.Parameters.Add(new() { Value = fromVersion });
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            yield return new RecordedEvent(streamId, rows.GetInt64(0), rows.GetInt64(1), _serializer.Deserialize(rows.GetString(2), System.Text.Encoding.UTF8.GetBytes(rows.GetString(3))));
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var read = new NpgsqlCommand("select stream_id, version, position, type, data::text from community_events where position >= $1 order by position", connection);
        read.Parameters.Add(new() { Value = fromPosition });
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            yield return new RecordedEvent(rows.GetString(0), rows.GetInt64(1), rows.GetInt64(2), _serializer.Deserialize(rows.GetString(3), System.Text.Encoding.UTF8.GetBytes(rows.GetString(4))));
        }
    }
}
