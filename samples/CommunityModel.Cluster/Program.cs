using System.Diagnostics;
using System.Net;
using CommunityModel;
using CommunityModel.Cluster;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.MonthEnd;
using CommunityModel.Orleans.Orders;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using static CommunityModel.Memberships.SeedBusiness;

// A community on two or three silos in this process (each its own host, own ports, talking over TCP), the events in
// PostgreSQL, membership in Orleans' ADO.NET clustering tables, and a client driving a simulated community.
//   run:        --connection <npgsql> [--silos 3] [--members 300] [--adonet true|false]
//   throughput: --measure throughput   (1, 2 and 3 silos, the same load, commands per second)
//   activation: --measure activation   (a member grain activated from storage: every event replayed vs a snapshot)
var options = Arguments.Parse(args);
await using var database = NpgsqlDataSource.Create(options.Connection);
await using (var schema = database.CreateCommand(PostgresEventStore.Schema + PostgresSnapshotStore.Schema))
{
    await schema.ExecuteNonQueryAsync();
}

var adoNet = options.AdoNet ?? await HasOrleansTables(database);
Console.WriteLine($"storage: PostgreSQL ({database.ConnectionString.Split(';').FirstOrDefault(p => p.StartsWith("Host", StringComparison.OrdinalIgnoreCase))}); clustering: {(adoNet ? "Orleans ADO.NET (PostgreSQL)" : "development (localhost), the Orleans ADO.NET tables are not installed")}");
switch (options.Measure)
{
    case "throughput":
        Console.WriteLine("| silos | members | commands | seconds | commands/s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var silos in new[] { 1, 2, 3 })
        {
            await using var cluster = await CommunityCluster.StartAsync(database, options.Connection, silos, adoNet, snapshotEvery: 100);
            var result = await Simulation.RunAsync(cluster.Client, options.Members, quiet: true);
            Console.WriteLine($"| {silos} | {options.Members} | {result.Commands} | {result.Elapsed.TotalSeconds:F1} | {result.Commands / result.Elapsed.TotalSeconds:F0} |");
        }

        break;
    case "activation":
        Console.WriteLine("| activation from storage | members | events per member | mean ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (label, snapshotEvery) in new[] { ("every event replayed", 1_000_000), ("from a snapshot (every 50 events)", 50) })
        {
            await using var cluster = await CommunityCluster.StartAsync(database, options.Connection, 1, adoNet, snapshotEvery);
            var (events, times) = await Simulation.MeasureActivationAsync(cluster, members: 10, ordersEach: 150);
            times.Sort();
            Console.WriteLine($"| {label} | {times.Count} | {events} | {times.Average():F1} | {times[(int)(times.Count * 0.95)]:F1} |");
        }

        break;
    default:
        await using (var cluster = await CommunityCluster.StartAsync(database, options.Connection, options.Silos, adoNet, snapshotEvery: 100))
        {
            var result = await Simulation.RunAsync(cluster.Client, options.Members, quiet: false);
            Console.WriteLine($"{result.Commands} commands on {options.Silos} silos in {result.Elapsed.TotalSeconds:F1} s ({result.Commands / result.Elapsed.TotalSeconds:F0}/s)");
            await Simulation.MonthEndAsync(cluster.Client, result.First, options.Members);
        }

        break;
}

static async Task<bool> HasOrleansTables(NpgsqlDataSource database)
{
    await using var check = database.CreateCommand("select to_regclass('orleansquery') is not null");
    return (bool)(await check.ExecuteScalarAsync())!;
}

internal sealed record Arguments(string Connection, int Silos, int Members, bool? AdoNet, string? Measure)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("COMMUNITYMODEL_CLUSTER_DB")
            ?? throw new ArgumentException("--connection (an Npgsql connection string) is required; run.sh starts PostgreSQL and passes it.");
        var silos = int.Parse(Value("--silos") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        if (silos is < 1 or > 3)
        {
            throw new ArgumentException($"--silos is {silos}; the sample runs 1 to 3 silos.");
        }

        return new(connection, silos, int.Parse(Value("--members") ?? "300", System.Globalization.CultureInfo.InvariantCulture), Value("--adonet") is { } a ? bool.Parse(a) : null, Value("--measure"));
    }
}

/// <summary>N silo hosts and a client host in this process; each run is a cluster of its own (a fresh cluster id).</summary>
internal sealed class CommunityCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos = [];
    private IHost _client = null!;

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();

    public IHost Silo(int index) => _silos[index];

    public static async Task<CommunityCluster> StartAsync(NpgsqlDataSource database, string connection, int silos, bool adoNet, int snapshotEvery)
    {
        var cluster = new CommunityCluster();
        var clusterId = $"community-{Guid.NewGuid():N}";
        var plan = new CommissionPlanBuilder("sample").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(2)).Build();
        var store = new PostgresEventStore(database);
        var snapshots = new PostgresSnapshotStore(database);
        for (var i = 0; i < silos; i++)
        {
            var (siloPort, gatewayPort) = (21111 + i, 31000 + i);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Error);
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "communitymodel"));
                if (adoNet)
                {
                    silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connection));
                    silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
                }
                else
                {
                    silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, 21111), "communitymodel", clusterId);
                }

                silo.AddCommunityCluster(o => (o.Plan, o.Ledger, o.SnapshotEvery) = (plan, new LedgerOptions { FreezePeriod = TimeSpan.Zero }, snapshotEvery));
                silo.Services.AddSingleton<IEventStore>(store);
                silo.Services.AddSingleton<ISnapshotStore<MemberGrainSnapshot>>(snapshots);
                silo.Services.AddSingleton(new MemberStream(new ValueChain(new ValueChainOptions(), TimeProvider.System), new MemberNumberOptions(), TimeProvider.System, null, CreateCatalog(), new MembershipDesk(CreatePlan(), TimeProvider.System)));
            });
            var host = builder.Build();
            await host.StartAsync();
            cluster._silos.Add(host);
        }

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Error);
        clientBuilder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "communitymodel"));
            if (adoNet)
            {
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connection));
            }
            else
            {
                client.UseLocalhostClustering([.. Enumerable.Range(0, silos).Select(i => 31000 + i)], "communitymodel", clusterId);
            }

            client.AddCommunityCluster();
        });
        cluster._client = clientBuilder.Build();
        await cluster._client.StartAsync();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}

/// <summary>A simulated community: registrations under earlier members, purchases of memberships and products, refunds, withdrawals.</summary>
internal static class Simulation
{
    private static readonly string[] Items = [Vip, Ka, Bootcamp, TrialClass, GiftPackTier, OfflineCourse];

    public static async Task<(long First, long Commands, TimeSpan Elapsed)> RunAsync(IClusterClient client, int members, bool quiet)
    {
        var first = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000_000) * 1_000;   // a fresh id range per run
        var random = new Random(42);
        var sponsors = Enumerable.Range(0, members).Select(i => i == 0 ? 0 : first + random.Next(i / 4, (i / 2) + 1)).ToArray();
        long commands = 0;
        var clock = Stopwatch.StartNew();

        // Registrations, in waves: a member's sponsor registered in an earlier wave.
        for (var wave = 0; wave < members;)
        {
            var end = wave == 0 ? 1 : Math.Min(members, wave * 2);
            await Task.WhenAll(Enumerable.Range(wave, end - wave).Select(i => Expect(client.GetGrain<IMemberGrain>(first + i).Register(sponsors[i]))));
            commands += end - wave;
            wave = end;
        }

        // Purchases, refunds of one order in ten, then every member withdraws half of what it holds.
        var orders = Enumerable.Range(0, members * 3).Select(n => (Member: first + (n % members), Id: $"o-{first}-{n}", Item: Items[random.Next(Items.Length)], Refund: random.Next(10) == 0)).ToArray();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (o, _) =>
        {
            var outcome = await client.GetGrain<IMemberGrain>(o.Member).Execute(new PlaceOrder(o.Member, o.Id, o.Item));
            Interlocked.Increment(ref commands);
            if (outcome.Accepted && o.Refund)
            {
                await client.GetGrain<IMemberGrain>(o.Member).Execute(new RefundOrder(o.Member, o.Id, $"r-{o.Id}"));
                Interlocked.Increment(ref commands);
            }
        });
        var withdrawn = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, members), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var member = client.GetGrain<IMemberGrain>(first + i);
            var available = (await member.GetBalance()).Available;
            if (available >= 200)
            {
                var outcome = await member.RequestWithdrawal($"w-{first + i}", available / 2);
                Interlocked.Add(ref withdrawn, outcome.Accepted ? available / 2 : 0);
                Interlocked.Increment(ref commands);
            }
        });
        clock.Stop();
        if (!quiet)
        {
            var balances = await Task.WhenAll(Enumerable.Range(0, members).Select(i => client.GetGrain<IMemberGrain>(first + i).GetBalance()));
            var numbered = (await Task.WhenAll(Enumerable.Range(0, members).Select(i => client.GetGrain<IMemberGrain>(first + i).GetMember()))).Count(m => m?.Number is not null);
            Console.WriteLine($"{members} members ({numbered} numbered), {orders.Length} orders ({orders.Count(o => o.Refund)} refunded), withdrawals requested ¥{withdrawn / 100m:N2}");
            Console.WriteLine($"commission accounts: available ¥{balances.Sum(b => b.Available) / 100m:N2}, withdrawing ¥{balances.Sum(b => b.Withdrawing) / 100m:N2}");
        }

        return (first, commands, clock.Elapsed);
    }

    public static async Task MonthEndAsync(IClusterClient client, long first, int members)
    {
        // Orders settled at month-end: their commissions wait for the period's run over the cluster.
        var period = $"{DateTimeOffset.UtcNow:yyyy-MM}-{first}";
        await Parallel.ForEachAsync(Enumerable.Range(0, members), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await client.GetGrain<IOrderGrain>($"me-{first}-{i}").Pay(new OrderRequest(first + i, 50_000, null, null, period, AtMonthEnd: true)));
        var clock = Stopwatch.StartNew();
        var report = await client.GetGrain<IMonthEndGrain>(period).Run();
        Console.WriteLine($"month-end {period}: {report.Accruals} accruals on {report.Orders} orders, ¥{report.TotalPaid / 100m:N2}, delivered {report.Delivered}, in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public static async Task<(int Events, List<double> Milliseconds)> MeasureActivationAsync(CommunityCluster cluster, int members, int ordersEach)
    {
        // Each sponsor earns on ordersEach orders of its own buyer: its stream holds that many accruals.
        var client = cluster.Client;
        var first = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 1_000_000_000) * 1_000;
        for (var m = 0; m < members; m++)
        {
            await Expect(client.GetGrain<IMemberGrain>(first + (2 * m)).Register(0));
            await Expect(client.GetGrain<IMemberGrain>(first + (2 * m) + 1).Register(first + (2 * m)));
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, members * ordersEach), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
        {
            var buyer = first + (2 * (n % members)) + 1;
            await client.GetGrain<IMemberGrain>(buyer).Execute(new PlaceOrder(buyer, $"a-{first}-{n}", Bootcamp));
        });

        var events = (await client.GetGrain<IMemberGrain>(first).GetAccountEvents()).Length;
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.Delay(500);
        var times = new List<double>();
        for (var m = 0; m < members; m++)
        {
            var clock = Stopwatch.StartNew();
            await client.GetGrain<IMemberGrain>(first + (2 * m)).GetBalance();   // the first call activates it from storage
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (events, times);
    }

    private static async Task Expect(Task<CommandOutcome> command)
    {
        var outcome = await command;
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException(string.Join("; ", outcome.Refusals.Select(r => $"{r.Code}: {r.Message}")));
        }
    }
}
