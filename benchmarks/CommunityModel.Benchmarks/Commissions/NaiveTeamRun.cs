namespace CommunityModel.Benchmarks.Commissions;

/// <summary>
/// <see cref="TeamPlan"/> as an integrator writes it without the library: members in a
/// <c>Dictionary&lt;long, Member&gt;</c> with their sponsor's id and rank code, the plan as lists of records,
/// the upline gathered by dictionary lookups for every order, LINQ to find rates, <c>decimal</c> yuan
/// rounded down to the fen, and totals in a <c>Dictionary&lt;long, decimal&gt;</c>. Same rules and results
/// as <see cref="TeamPlanKernel"/> (a test holds them equal).
/// </summary>
public sealed class NaiveTeamRun
{
    private readonly Dictionary<long, NaiveMember> _members;
    private readonly List<NaiveOrder> _orders;
    private readonly List<NaiveLevel> _levels = [new(3, 0.03m), new(1, 0.10m), new(2, 0.05m)];
    private readonly List<NaiveRank> _ranks = [new("R4", 0.20m), new("R1", 0.05m), new("R3", 0.15m), new("R2", 0.10m)];
    private const decimal PeerRate = 0.02m;
    private const int PeerGenerations = 1;

    /// <summary>Loads the workload into the integrator's shapes.</summary>
    /// <param name="workload">The workload.</param>
    public NaiveTeamRun(TeamRunWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var network = workload.Network;
        _members = new Dictionary<long, NaiveMember>(network.Count);
        for (var i = 0; i < network.Count; i++)
        {
            var parent = network.ParentAt(i);
            var id = network.MemberAt(i).Value;
            _members[id] = new NaiveMember
            {
                Id = id,
                SponsorId = parent < 0 ? null : network.MemberAt(parent).Value,
                RankCode = workload.Ranks[i] == 0 ? null : $"R{workload.Ranks[i]}",
            };
        }

        _orders = new List<NaiveOrder>(workload.Buyers.Length);
        for (var o = 0; o < workload.Buyers.Length; o++)
        {
            _orders.Add(new NaiveOrder(network.MemberAt(workload.Buyers[o]).Value, workload.Bases[o] / 100m));
        }
    }

    /// <summary>Pays every order.</summary>
    /// <returns>Each earning member's total in yuan.</returns>
    public Dictionary<long, decimal> Run()
    {
        var totals = new Dictionary<long, decimal>();
        var topRate = _ranks.Max(r => r.Rate);
        foreach (var order in _orders)
        {
            var seller = _members[order.BuyerId];
            var upline = new List<NaiveMember>();
            for (var m = seller; m.SponsorId is { } sponsorId && upline.Count < TeamPlan.MaxDepth;)
            {
                m = _members[sponsorId];
                upline.Add(m);
            }

            foreach (var level in _levels.OrderBy(l => l.Level).Where(l => l.Level <= upline.Count))
            {
                Add(totals, upline[level.Level - 1].Id, RoundDown(order.Amount * level.Rate));
            }

            var highestRate = 0m;
            var peersLeft = 0;
            foreach (var member in upline.Prepend(seller))
            {
                var rate = _ranks.FirstOrDefault(r => r.Code == member.RankCode)?.Rate ?? 0m;
                if (rate > highestRate)
                {
                    Add(totals, member.Id, RoundDown(order.Amount * rate) - RoundDown(order.Amount * highestRate));
                    highestRate = rate;
                    peersLeft = PeerGenerations;
                }
                else if (rate == highestRate && peersLeft > 0)
                {
                    Add(totals, member.Id, RoundDown(order.Amount * PeerRate));
                    peersLeft--;
                }

                if (highestRate == topRate && peersLeft == 0)
                {
                    break;
                }
            }
        }

        return totals;
    }

    private static decimal RoundDown(decimal yuan) => Math.Floor(yuan * 100m) / 100m;

    private static void Add(Dictionary<long, decimal> totals, long member, decimal amount)
    {
        totals.TryGetValue(member, out var total);
        totals[member] = total + amount;
    }

    public sealed class NaiveMember
    {
        public long Id { get; init; }

        public long? SponsorId { get; init; }

        public string? RankCode { get; init; }
    }

    public sealed record NaiveOrder(long BuyerId, decimal Amount);

    public sealed record NaiveLevel(int Level, decimal Rate);

    public sealed record NaiveRank(string Code, decimal Rate);
}
