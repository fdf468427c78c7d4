using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Orleans.Tests;

/// <summary>One in-process cluster of three silos for the whole test assembly, over one event store (the "database" every silo shares).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private long _nextId = 1_000;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The store the silos persist to; it outlives any silo, as a database does.</summary>
    public static InMemoryEventStore Store { get; } = new();

    public static CommissionPlan Plan { get; } = new CommissionPlanBuilder("cluster").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(2)).Build();

    public static LedgerOptions LedgerOptions { get; } = new() { FreezePeriod = TimeSpan.Zero };

    public static CommissionCalculator Calculator { get; } = new(Plan);

    /// <summary>A fresh block of ids, so tests sharing the cluster never share members or orders.</summary>
    public long NextIds(int count) => Interlocked.Add(ref _nextId, count) - count;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddCommunityCluster(o => (o.Plan, o.Ledger, o.MonthEndFanOut, o.DirectoryPartitions, o.SnapshotEvery) = (Plan, LedgerOptions, 2, 4, 5));
            siloBuilder.Services.AddSingleton<IEventStore>(Store);
            siloBuilder.Services.AddSingleton<ISnapshotStore<Events.MemberGrainSnapshot>>(new InMemorySnapshotStore<Events.MemberGrainSnapshot>());
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddCommunityCluster();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
