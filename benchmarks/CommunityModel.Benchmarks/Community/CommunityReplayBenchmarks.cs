using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Benchmarks.Community;

/// <summary>
/// Rebuilding a whole community from its stored events at start-up. The histories are made by the community itself:
/// every member registers (most with a sponsor), 60% buy a VIP term, half buy a course, VIPs use the offline course,
/// 5% upgrade to KA and 2% are refunded in cooling-off — about 8 events a member (8M for a million), interleaved across members as a
/// store holds them. The baseline replays each part alone the way an integrator without the community would (the
/// referral network over every event, then each member's lifecycle and membership from its own history, grouped in one
/// pass); the community replays the same events through its one <see cref="CommunityModel.Community.Apply"/>, building
/// the joins too (orders, member numbers, promoter statuses). Restoring from a snapshot skips the replay.
/// </summary>
[MemoryDiagnoser]
public class CommunityReplayBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly FixedClock _clock = new(Start);
    private List<IDomainEvent> _events = [];
    private CommunitySnapshot? _snapshot;
    private ValueChain _chain = null!;
    private MembershipDesk _desk = null!;
    private Catalog.ProductCatalog _catalog = null!;

    [Params(1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _chain = new ValueChain(new ValueChainOptions(), _clock);
        _catalog = CreateCatalog();
        _desk = new MembershipDesk(CreatePlan(), _clock);
        var community = Empty();
        var random = new Random(7);
        void Run(CommunityCommand command) => _events.AddRange(community.Execute(command).Events);
        for (var i = 1; i <= Members; i++)
        {
            Run(new RegisterMember(i, i > 1 && random.NextDouble() < 0.8 ? (MemberId)random.Next(1, i) : default));
        }

        _clock.Advance(TimeSpan.FromDays(1));
        var vips = new List<MemberId>();
        for (var i = 1; i <= Members; i++)
        {
            if (random.NextDouble() < 0.6)
            {
                Run(new PlaceOrder(i, $"v-{i}", Vip));
                vips.Add(i);
            }

            if (random.NextDouble() < 0.5)
            {
                Run(new PlaceOrder(i, $"c-{i}", Bootcamp));
            }
        }

        _clock.Advance(TimeSpan.FromDays(2));
        foreach (var vip in vips)
        {
            var draw = random.NextDouble();
            if (draw < 0.02)
            {
                Run(new RefundOrder(vip, $"v-{vip}", $"r-{vip}"));
                continue;
            }

            Run(new ConsumeEntitlement(vip, OfflineCourse, $"k-{vip}"));
            if (draw < 0.07)
            {
                Run(new PlaceOrder(vip, $"ka-{vip}", Ka));
            }
        }

        _snapshot = community.ToSnapshot();
    }

    /// <summary>How many events the histories hold (for the per-event figure).</summary>
    public int EventCount => _events.Count;

    [Benchmark(Baseline = true, Description = "Each part alone: network, lifecycles, memberships")]
    public int PartsAlone()
    {
        var network = ReferralNetwork.Replay(_events, new ReferralOptions(), _clock);
        var lifecycles = new Dictionary<MemberId, List<MemberTransitioned>>(Members);
        var memberships = new Dictionary<MemberId, List<IMembershipEvent>>(Members);
        foreach (var e in _events)
        {
            switch (e)
            {
                case MemberTransitioned t:
                    Add(lifecycles, t.Member, t);
                    break;
                case IMembershipEvent m:
                    Add(memberships, m.MemberId, m);
                    break;
            }
        }

        var states = new Dictionary<MemberId, LifecycleState>(lifecycles.Count);
        foreach (var (member, history) in lifecycles)
        {
            states[member] = _chain.Replay(CollectionsMarshal.AsSpan(history));
        }

        var replayer = new MembershipReplayer();
        var held = new Dictionary<MemberId, Membership>(memberships.Count);
        foreach (var (member, history) in memberships)
        {
            held[member] = replayer.Replay(CollectionsMarshal.AsSpan(history));
        }

        return network.Count + states.Count + held.Count;
    }

    [Benchmark(Description = "Community: replay every event")]
    public int CommunityReplay() => CommunityModel.Community.Replay(_events, Empty()).Count;

    [Benchmark(Description = "Community: restore from a snapshot")]
    public int CommunityRestore()
    {
        var community = Empty();
        community.Restore(_snapshot!);
        return community.Count;
    }

    private CommunityModel.Community Empty() =>
        new(_chain, new ReferralOptions(), new MemberNumberOptions(), _clock, catalog: _catalog, desk: _desk);

    private static void Add<T>(Dictionary<MemberId, List<T>> histories, MemberId member, T e)
    {
        if (!histories.TryGetValue(member, out var list))
        {
            histories.Add(member, list = new List<T>(8));
        }

        list.Add(e);
    }

    /// <summary>A clock the setup moves by hand.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
