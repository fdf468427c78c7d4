using BenchmarkDotNet.Attributes;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Benchmarks;

/// <summary>
/// One order through a three-level plan (10% / 5% / 3%, rounded down, suspended uplines forfeit) on a
/// 1,000,000-member network: what an integrator writes (dictionaries of member objects, LINQ, decimal)
/// against the library's calculator on the dense snapshot, in its three forms: the explained
/// <see cref="OrderCommission"/>, the same explanation in a reused <see cref="OrderCommissionBuffer"/>, and the allocation-free span path an integrator uses when it keeps each
/// member's dense index (the same walk, see the property test). Each call takes the next of
/// <see cref="DistinctOrders"/> orders by random buyers: 4,096 sends every lookup to memory (the
/// realistic case, bound by cache misses), 1 keeps one upline in cache and shows the compute alone.
/// </summary>
[MemoryDiagnoser]
public class OrderCommissionBenchmarks
{
    private const int Members = 1_000_000;
    private const int OrderCount = 4096;

    private readonly CommissionableOrder[] _orders = new CommissionableOrder[OrderCount];
    private readonly NaiveOrder[] _naiveOrders = new NaiveOrder[OrderCount];
    private readonly int[] _buyerIndices = new int[OrderCount];
    private readonly long[] _bases = new long[OrderCount];
    private readonly CommissionRunLine[] _payouts = new CommissionRunLine[CommissionPlan.MaxLevels];
    private RewardSchedule _schedule = null!;
    private Dictionary<long, NaiveMember> _naiveMembers = [];
    private List<NaiveLevel> _naiveLevels = [];
    private CommissionCalculator _calculator = null!;
    private EarnerRoster _roster = null!;
    private OrderCommissionBuffer _buffer = null!;
    private int _next;

    [Params(1, OrderCount)]
    public int DistinctOrders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A random recursive tree: 1% roots, everyone else referred by an earlier member; 2% suspended.
        var random = new Random(20260301);
        var links = new ReferralLink[Members];
        var statuses = new List<KeyValuePair<MemberId, EarnerStatus>>();
        _naiveMembers = new Dictionary<long, NaiveMember>(Members);
        for (var k = 0; k < Members; k++)
        {
            var id = 1_000_000_000L + (k * 7919L);
            var sponsor = k == 0 || random.Next(100) == 0 ? 0L : 1_000_000_000L + (random.Next(k) * 7919L);
            var suspended = random.Next(50) == 0;
            links[k] = new ReferralLink(id, sponsor == 0 ? default : new MemberId(sponsor));
            if (suspended)
            {
                statuses.Add(KeyValuePair.Create(new MemberId(id), EarnerStatus.Suspended));
            }

            _naiveMembers[id] = new NaiveMember { Id = id, SponsorId = sponsor == 0 ? null : sponsor, Status = suspended ? "suspended" : "active" };
        }

        var snapshot = NetworkSnapshot.Create(links);
        _roster = EarnerRoster.Create(snapshot, statuses);
        _calculator = new CommissionCalculator(new CommissionPlanBuilder("standard")
            .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build());
        _naiveLevels = [new NaiveLevel(3, 0.03m), new NaiveLevel(1, 0.10m), new NaiveLevel(2, 0.05m)];
        for (var i = 0; i < OrderCount; i++)
        {
            var buyer = links[random.Next(Members)].Member;
            var fen = random.Next(100, 1_200_000);
            _orders[i] = new CommissionableOrder($"order-{i}", buyer, Money.FromMinorUnits(fen, Currency.CNY));
            _naiveOrders[i] = new NaiveOrder($"order-{i}", buyer.Value, fen / 100m);
            _buyerIndices[i] = snapshot.IndexOf(buyer);
            _bases[i] = fen;
        }

        _schedule = _calculator.Plan.ScheduleFor();
        _buffer = new OrderCommissionBuffer(_calculator.Plan);
    }

    [Benchmark(Baseline = true, Description = "Naive: dictionaries, LINQ, decimal")]
    public NaiveResult Naive()
    {
        var order = _naiveOrders[_next++ & (DistinctOrders - 1)];
        var lines = new List<NaiveLine>();
        var current = _naiveMembers[order.BuyerId];
        foreach (var level in _naiveLevels.OrderBy(l => l.Level))
        {
            if (current.SponsorId is not { } sponsorId)
            {
                break;
            }

            var sponsor = _naiveMembers[sponsorId];
            if (sponsor.Status == "active")
            {
                lines.Add(new NaiveLine(order.OrderId, sponsor.Id, level.Level, Math.Floor(order.Amount * level.Rate * 100m) / 100m));
            }

            current = sponsor;
        }

        return new NaiveResult(lines, order.Amount - lines.Sum(l => l.Amount));
    }

    [Benchmark(Description = "Explained: OrderCommission")]
    public OrderCommission Explained() => _calculator.Calculate(_orders[_next++ & (DistinctOrders - 1)], _roster);

    [Benchmark(Description = "Explained, reused buffer: OrderCommissionBuffer")]
    public long ExplainedBuffer()
    {
        // Reads every line's beneficiary, rule and amount, as the naive code builds them.
        _calculator.Calculate(_orders[_next++ & (DistinctOrders - 1)], _roster, _buffer);
        long read = _buffer.CompanyRetained.MinorUnits;
        for (var i = 0; i < _buffer.Count; i++)
        {
            var line = _buffer[i];
            read += line.Amount.MinorUnits ^ line.Beneficiary.Value ^ line.Rule.Length;
        }

        return read;
    }

    [Benchmark(Description = "Span path: dense index, minor units")]
    public int Span()
    {
        var i = _next++ & (DistinctOrders - 1);
        return _calculator.Calculate(_schedule, _buyerIndices[i], _bases[i], _roster, _payouts);
    }

    [Benchmark(Description = "Span path from a MemberId (IndexOf first)")]
    public int SpanFromMemberId()
    {
        var order = _orders[_next++ & (DistinctOrders - 1)];
        return _calculator.Calculate(_schedule, _roster.Network.IndexOf(order.Buyer), order.AmountPaid.MinorUnits, _roster, _payouts);
    }

    public sealed class NaiveMember
    {
        public long Id { get; init; }

        public long? SponsorId { get; init; }

        public string Status { get; init; } = "";
    }

    public sealed record NaiveLevel(int Level, decimal Rate);

    public sealed record NaiveOrder(string OrderId, long BuyerId, decimal Amount);

    public sealed record NaiveLine(string OrderId, long MemberId, int Level, decimal Amount);

    public sealed record NaiveResult(List<NaiveLine> Lines, decimal Retained);
}
