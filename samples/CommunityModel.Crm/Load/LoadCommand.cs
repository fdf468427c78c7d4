using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Load;

/// <summary>
/// <c>dotnet run -c Release --project samples/CommunityModel.Crm -- load --url http://127.0.0.1:5180 --database &lt;crm.db&gt;</c>:
/// measures a running CRM. It signs in as the admin (password from <c>CRM_ADMIN_PASSWORD</c> or the first line of
/// standard input), registers a tree of members (ten under each, so orders accrue three levels of commission), makes one
/// staff account per client, warms up, then for each client count posts <c>--orders</c> catalog orders, each client one
/// after another, and prints orders per second. With <c>--database</c> (the server's file) it also prints how much the
/// file grew per 10,000 orders, after a checkpoint. Run it against a data folder of its own: it adds members and accounts.
/// </summary>
internal static class LoadCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "load";

    private const string Usage = "usage: load --url <http://127.0.0.1:5180> [--admin admin] [--orders 10000] [--clients 1,8] [--members 1000] [--item bootcamp] [--database <crm.db>]; the admin's password from CRM_ADMIN_PASSWORD or standard input";

    /// <summary>Runs the measurement.</summary>
    /// <param name="args">The arguments after <c>load</c>.</param>
    /// <param name="stdin">Where the password is read when the environment does not hold it.</param>
    /// <param name="stdout">Where the results are written.</param>
    /// <returns>0 when every order was answered 200, 1 when some were not, 2 when misused.</returns>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout)
    {
        if (!TryParse(args, out var settings))
        {
            await stdout.WriteLineAsync(Usage);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(Accounts.CreateAdminCommand.PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await stdin.ReadLineAsync() ?? "";
        using var admin = Client(settings.Url);
        await SendAsync(admin, "/auth/sign-in", new { userName = settings.Admin, password });

        // Ids of this run only: members in a block of a million, accounts and orders named by the run.
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var firstMember = RandomNumberGenerator.GetInt32(1, 1_000_000) * 1_000_000L;
        await stdout.WriteLineAsync($"run {run}: {settings.Members} members from {firstMember}, item {settings.Item}, {settings.Orders} orders per measurement");
        await RegisterMembersAsync(admin, firstMember, settings.Members);
        var clients = await StaffClientsAsync(admin, settings.Url, run, settings.ClientCounts.Max());

        var before = await DatabaseBytesAsync(settings.Database);
        await MeasureAsync(clients, settings with { Orders = Math.Min(settings.Orders, 2_000) }, $"{run}-warm", firstMember); // JIT, pools, caches
        var measured = 0;
        var failed = 0L;
        await stdout.WriteLineAsync("clients  orders   seconds  orders/s  failed");
        foreach (var count in settings.ClientCounts)
        {
            var (elapsed, errors) = await MeasureAsync(clients.Take(count).ToList(), settings, $"{run}-{count}", firstMember);
            measured += settings.Orders;
            failed += errors;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count,7}  {settings.Orders,6}  {elapsed.TotalSeconds,8:F2}  {settings.Orders / elapsed.TotalSeconds,8:F0}  {errors,6}"));
        }

        if (settings.Database is not null)
        {
            var grown = await DatabaseBytesAsync(settings.Database) - before;
            var orders = measured + Math.Min(settings.Orders, 2_000);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"storage: {grown * 10_000.0 / orders / 1_000_000:F1} MB per 10,000 orders ({grown / 1_000_000.0:F1} MB over {orders} orders, members and accounts of the run included)"));
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        return failed == 0 ? 0 : 1;
    }

    // Each client posts orders one after another until the measurement's count is taken; the orders go round the members.
    private static async Task<(TimeSpan Elapsed, long Failed)> MeasureAsync(List<HttpClient> clients, LoadSettings settings, string prefix, long firstMember)
    {
        var next = -1;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < settings.Orders)
            {
                var member = firstMember + 1 + (n % settings.Members);
                using var response = await client.PostAsJsonAsync($"/members/{member}/orders", new { orderId = $"{prefix}-{n}", item = settings.Item });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return (clock.Elapsed, failed);
    }

    private static async Task RegisterMembersAsync(HttpClient admin, long firstMember, int members)
    {
        // A tree: member k (k > 1) is referred by member (k - 2) / 10 + 1, so most orders pay three levels.
        for (var k = 1; k <= members; k++)
        {
            long? sponsor = k == 1 ? null : firstMember + ((k - 2) / 10) + 1;
            await SendAsync(admin, "/members", new { memberId = firstMember + k, sponsorId = sponsor });
        }
    }

    private static async Task<List<HttpClient>> StaffClientsAsync(HttpClient admin, Uri url, string run, int count)
    {
        var clients = new List<HttpClient>();
        for (var c = 1; c <= count; c++)
        {
            var userName = $"load-{run}-{c}";
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            await SendAsync(admin, "/accounts", new { userName, password, role = "staff" });
            var client = Client(url);
            await SendAsync(client, "/auth/sign-in", new { userName, password });
            clients.Add(client);
        }

        return clients;
    }

    // The file and its write-ahead log after a checkpoint into the file: what the orders take on disk.
    private static async Task<long> DatabaseBytesAsync(string? database)
    {
        if (database is null)
        {
            return 0;
        }

        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
        }

        return new FileInfo(database).Length + (File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0);
    }

    private static HttpClient Client(Uri url) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = url };

    private static async Task SendAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static bool TryParse(string[] args, out LoadSettings settings)
    {
        settings = new LoadSettings(new Uri("http://127.0.0.1:5180"), "admin", 10_000, [1, 8], 1_000, "bootcamp", null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url):
                    settings = settings with { Url = url };
                    break;
                case "--admin":
                    settings = settings with { Admin = value };
                    break;
                case "--orders" when int.TryParse(value, CultureInfo.InvariantCulture, out var orders) && orders > 0:
                    settings = settings with { Orders = orders };
                    break;
                case "--members" when int.TryParse(value, CultureInfo.InvariantCulture, out var members) && members > 0:
                    settings = settings with { Members = members };
                    break;
                case "--clients" when value.Split(',').All(c => int.TryParse(c, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 256):
                    settings = settings with { ClientCounts = [.. value.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] };
                    break;
                case "--item":
                    settings = settings with { Item = value };
                    break;
                case "--database":
                    settings = settings with { Database = Path.GetFullPath(value) };
                    break;
                default:
                    return false;
            }
        }

        return args.Length % 2 == 0;
    }

    private sealed record LoadSettings(Uri Url, string Admin, int Orders, int[] ClientCounts, int Members, string Item, string? Database);
}
