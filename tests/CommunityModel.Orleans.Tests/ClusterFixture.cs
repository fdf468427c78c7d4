using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Orleans.Tests;

/// <summary>
/// One in-process cluster of three silos for the whole test assembly. Its event store (the "database" every silo shares)
/// and its clock belong to this cluster and reach the silos as DI singletons, so two clusters never share state.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private long _nextId = 1_000;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The store the silos persist to; it outlives any silo, as a database does.</summary>
    public InMemoryEventStore Store { get; } = new();

    /// <summary>The clock every grain decides with; a test advances it, and the single-process reference reads the same one.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Three levels, and a role for each place of a care team and for the organiser of an activity (orders without roles pay levels only).</summary>
    public static CommissionPlan Plan { get; } = new CommissionPlanBuilder("cluster")
        .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(2))
        .Role("recruiter", Rate.FromPercent(3)).Role("coach", Rate.FromPercent(2)).Role("supervisor", Rate.FromPercent(1)).Role("host", Rate.FromPercent(5))
        .Build();

    /// <summary>The care team's promoter, trainer and manager and the activity's organiser pay the plan's recruiter, coach, supervisor and host.</summary>
    public static CommunityRoleMap RoleMap { get; } = CommunityRoleMap.Create(
        [
            KeyValuePair.Create(Roles.OrderRoles.Promoter, "recruiter"),
            KeyValuePair.Create(Roles.OrderRoles.Trainer, "coach"),
            KeyValuePair.Create(Roles.OrderRoles.Manager, "supervisor"),
            KeyValuePair.Create(Roles.OrderRoles.Organiser, "host"),
        ],
        Plan);

    public static LedgerOptions LedgerOptions { get; } = new() { FreezePeriod = TimeSpan.Zero };

    public static CommissionCalculator Calculator { get; } = new(Plan);

    /// <summary>The member-stream decider of the seed business (gift pack, VIP, KA, the seed catalog) on a clock.</summary>
    public static MemberStream SeedStream(TimeProvider clock) =>
        new(new ValueChain(new ValueChainOptions(), clock), new MemberNumberOptions(), clock, null, SeedBusiness.CreateCatalog(), new MembershipDesk(SeedBusiness.CreatePlan(), clock));

    /// <summary>The single-process community the cluster is compared with: the seed catalog and membership plan on this cluster's clock.</summary>
    /// <param name="commissions">Its commissions (plan, ledger, role map).</param>
    /// <returns>A new, empty community.</returns>
    public CommunityModel.Community SingleProcess(CommunityCommissions commissions) =>
        new(
            new ValueChain(new ValueChainOptions(), Clock),
            new CommunityModel.Referrals.ReferralOptions(),
            new MemberNumberOptions(),
            Clock,
            null,
            SeedBusiness.CreateCatalog(),
            new MembershipDesk(SeedBusiness.CreatePlan(), Clock),
            commissions);

    /// <summary>A fresh block of ids, so tests sharing the cluster never share members or orders.</summary>
    public long NextIds(int count) => Interlocked.Add(ref _nextId, count) - count;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCommunityCluster(o => (o.Plan, o.Roles, o.Ledger, o.MonthEndFanOut, o.DirectoryPartitions, o.SnapshotEvery, o.Clock) = (Plan, RoleMap, LedgerOptions, 2, 4, 5, Clock));
            silo.Services.AddSingleton<IEventStore>(Store);
            silo.Services.AddSingleton<ISnapshotStore<Events.MemberGrainSnapshot>>(new InMemorySnapshotStore<Events.MemberGrainSnapshot>());
            silo.Services.AddSingleton(SeedStream(Clock));
        });
        builder.ConfigureClient(client => client.AddCommunityCluster());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
