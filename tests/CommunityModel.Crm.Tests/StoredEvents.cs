using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Tests;

/// <summary>Counts rows of the CRM's SQLite file directly, to see what was stored rather than what is answered.</summary>
internal static class StoredEvents
{
    /// <summary>The rows of an event type (its registered name, e.g. <c>membership.purchased.v1</c>).</summary>
    public static long Count(string database, string type) => Scalar(database, "SELECT COUNT(*) FROM events WHERE type = $value", type);

    /// <summary>The rows of a stream (e.g. <c>member-2</c>).</summary>
    public static long InStream(string database, string stream) => Scalar(database, "SELECT COUNT(*) FROM events WHERE stream = $value", stream);

    /// <summary>Every row.</summary>
    public static long All(string database) => Scalar(database, "SELECT COUNT(*) FROM events WHERE $value = $value", "");

    /// <summary>The actor of each row of a stream, in order.</summary>
    public static List<string> ActorsIn(string database, string stream)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor FROM events WHERE stream = $stream ORDER BY version";
        command.Parameters.AddWithValue("$stream", stream);
        using var reader = command.ExecuteReader();
        var actors = new List<string>();
        while (reader.Read())
        {
            actors.Add(reader.GetString(0));
        }

        return actors;
    }

    /// <summary>A JSON field of every row of an event type, e.g. the <c>$.orderId</c> of each <c>community.product_purchased.v1</c>.</summary>
    public static HashSet<string> Values(string database, string type, string jsonPath)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(data, $path) FROM events WHERE type = $type";
        command.Parameters.AddWithValue("$path", jsonPath);
        command.Parameters.AddWithValue("$type", type);
        using var reader = command.ExecuteReader();
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>How many different withdrawals were paid (each <c>commissions.withdrawal_paid.v1</c> names one).</summary>
    public static long DistinctWithdrawalsPaid(string database) =>
        Scalar(database, "SELECT COUNT(DISTINCT json_extract(data, '$.withdrawalId')) FROM events WHERE type = $value", "commissions.withdrawal_paid.v1");

    private static long Scalar(string database, string sql, string value)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        return (long)command.ExecuteScalar()!;
    }
}
