using System.Text.Json;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Serialization;
using CommunityModel.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace CommunityModel.Cluster;

/// <summary>Member grains' snapshots in PostgreSQL: one row per stream, replaced only by a later version.</summary>
internal sealed class PostgresSnapshotStore(NpgsqlDataSource database) : ISnapshotStore<MemberGrainSnapshot>
{
    public const string Schema = """
        create table if not exists community_snapshots (
            stream_id text primary key,
            version bigint not null,
            data jsonb not null);
        """;

    public async ValueTask<bool> SaveAsync(StoredSnapshot<MemberGrainSnapshot> snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var save = database.CreateCommand("""
            insert into community_snapshots (stream_id, version, data) values ($1, $2, $3)
            on conflict (stream_id) do update set version = excluded.version, data = excluded.data
            where community_snapshots.version < excluded.version
            """);
        save.Parameters.Add(new() { Value = snapshot.StreamId });
        save.Parameters.Add(new() { Value = snapshot.Version });
        save.Parameters.Add(new() { Value = JsonSerializer.Serialize(snapshot.State, CommunityModelSerialization.JsonOptions), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await save.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<StoredSnapshot<MemberGrainSnapshot>?> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var load = database.CreateCommand("select version, data::text from community_snapshots where stream_id = $1");
        load.Parameters.Add(new() { Value = streamId });
        await using var rows = await load.ExecuteReaderAsync(cancellationToken);
        return await rows.ReadAsync(cancellationToken)
            ? new StoredSnapshot<MemberGrainSnapshot>(streamId, rows.GetInt64(0), JsonSerializer.Deserialize<MemberGrainSnapshot>(rows.GetString(1), CommunityModelSerialization.JsonOptions)!)
            : null;
    }
}
