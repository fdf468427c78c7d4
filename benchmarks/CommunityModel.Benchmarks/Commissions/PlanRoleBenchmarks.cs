using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// What roles cost the month-end run (<see cref="CommissionRun.Execute"/>, one thread): 200,000 orders over a
/// 100,000-member <see cref="TeamRunWorkload"/> tree paid by the benchmark team plan (<see cref="TeamPlan"/>), then the same
/// plan with three roles (division 2%, agent ¥5, sales staff on marginal bands) that no order names, then with every
/// order naming a holder for each role (50 employees per role), so the run also sums staff volumes and keeps a holder table.
/// The ladder has no qualification rules, so every member holds the top rank: each order pays levels, the seller's
/// differential and one peer bonus, the same in every row.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 5)]
public class PlanRoleBenchmarks
{
    private const int Members = 100_000;
    private const int Orders = 200_000;

    private EarnerRoster _roster = null!;
    private CommissionableOrder[] _plain = [];
    private CommissionableOrder[] _named = [];
    private CommissionRun _noRoles = null!;
    private CommissionRun _withRoles = null!;

    [GlobalSetup]
    public void Setup()
    {
        var workload = TeamRunWorkload.Generate(Members, Orders);
        _roster = EarnerRoster.AllActive(workload.Network);
        var one = new CommissionRunOptions { MaxDegreeOfParallelism = 1 };
        _noRoles = new CommissionRun(Plan(roles: false), one);
        _withRoles = new CommissionRun(Plan(roles: true), one);
        _plain = new CommissionableOrder[Orders];
        _named = new CommissionableOrder[Orders];
        var random = new Random(20261123);
        for (var i = 0; i < Orders; i++)
        {
            _plain[i] = new CommissionableOrder($"o-{i:D7}", workload.Network.MemberAt(workload.Buyers[i]), Money.FromMinorUnits(workload.Bases[i], Currency.CNY));
            _named[i] = _plain[i] with
            {
                Roles = ImmutableDictionary<string, MemberId>.Empty
                    .Add("division", new MemberId(1 + random.Next(50)))
                    .Add("agent", new MemberId(101 + random.Next(50)))
                    .Add("sales", new MemberId(201 + random.Next(50))),
            };
        }
    }

    [Benchmark(Baseline = true, Description = "No roles")]
    public Money NoRoles() => _noRoles.Execute(_roster, _plain).TotalPaid;

    [Benchmark(Description = "Three roles, none named")]
    public Money RolesUnfilled() => _withRoles.Execute(_roster, _plain).TotalPaid;

    [Benchmark(Description = "Three roles, all named")]
    public Money RolesNamed() => _withRoles.Execute(_roster, _named).TotalPaid;

    private static CommissionPlan Plan(bool roles)
    {
        var builder = new CommissionPlanBuilder("team")
            .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
            .Rank("R1", Rate.FromPercent(5)).Rank("R2", Rate.FromPercent(10)).Rank("R3", Rate.FromPercent(15)).Rank("R4", Rate.FromPercent(20))
            .PeerBonus(Rate.FromPercent(2), PeerBonusBasis.OfBase, generations: TeamPlan.PeerGenerations)
            .PayToDepth(TeamPlan.MaxDepth);
        if (roles)
        {
            builder.Role("division", Rate.FromPercent(2)).Role("agent", Money.Cny(5m))
                .Role("sales", StaffBandMode.Marginal, new StaffBand(Money.Cny(0m), Rate.FromPercent(3)), new StaffBand(Money.Cny(10_000m), Rate.FromPercent(5)));
        }

        return builder.Build();
    }
}
