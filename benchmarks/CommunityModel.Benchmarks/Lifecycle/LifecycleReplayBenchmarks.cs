using BenchmarkDotNet.Attributes;
using CommunityModel.Lifecycle;

namespace CommunityModel.Benchmarks;

/// <summary>
/// Rebuilding every member's value-chain state from stored events (about ten per member, mixed paths:
/// joins, purchases, memberships, renewals, expiries, suspensions, partners). Baseline: a hand-written
/// switch that applies the same transitions with the same checks (member, version, source stage) into a
/// struct. Library: <see cref="ValueChain.Replay(ReadOnlySpan{MemberTransitioned})"/>, which also checks each
/// event against the compiled table and keeps the stage entry times; it allocates one state per member and
/// nothing per event. 1,000,000 members, 10,000,000 events (about 1 GB of events held in memory).
/// </summary>
[MemoryDiagnoser]
public class LifecycleReplayBenchmarks
{
    private static readonly LifecycleTrigger[][] Paths =
    [
        [LifecycleTrigger.JoinedLeadGroup, LifecycleTrigger.MadeFirstPurchase, LifecycleTrigger.BoughtMembership, LifecycleTrigger.MembershipRenewed, LifecycleTrigger.MembershipExpired, LifecycleTrigger.MembershipRenewed, LifecycleTrigger.QualifiedAsPartner, LifecycleTrigger.MembershipRenewed, LifecycleTrigger.PartnershipEnded],
        [LifecycleTrigger.Followed, LifecycleTrigger.WentDormant, LifecycleTrigger.Reactivated, LifecycleTrigger.MadeFirstPurchase, LifecycleTrigger.BoughtGiftPack, LifecycleTrigger.Suspended, LifecycleTrigger.Reinstated, LifecycleTrigger.MembershipExpired, LifecycleTrigger.MembershipRenewed],
        [LifecycleTrigger.BoughtMembership, LifecycleTrigger.MembershipRenewed, LifecycleTrigger.MembershipExpired, LifecycleTrigger.MembershipRefunded, LifecycleTrigger.BoughtPartnerPackage, LifecycleTrigger.MembershipRenewed, LifecycleTrigger.Suspended, LifecycleTrigger.Reinstated, LifecycleTrigger.MembershipRenewed, LifecycleTrigger.BoughtMembership],
    ];

    private ValueChain _chain = null!;
    private MemberTransitioned[][] _histories = null!;

    [Params(1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var time = new SteppingClock();
        _chain = new ValueChain(new ValueChainOptions(), time);
        var facts = new LifecycleFacts(SuccessfulReferrals: 5, HoldsActiveKa: true);
        _histories = new MemberTransitioned[Members][];
        for (var m = 0; m < Members; m++)
        {
            time.Reset();
            var start = _chain.Start(m + 1);
            var state = start.State;
            var events = new List<MemberTransitioned>(11) { start.Event };
            foreach (var trigger in Paths[m % Paths.Length])
            {
                time.Step(TimeSpan.FromDays(100));
                var next = _chain.Fire(state, trigger, "benchmark", facts);
                events.Add(next.Event);
                state = next.State;
            }

            _histories[m] = [.. events];
        }
    }

    [Benchmark(Baseline = true)]
    public long HandWrittenSwitch()
    {
        long checksum = 0;
        foreach (var history in _histories)
        {
            var state = HandWritten.Replay(history);
            checksum += state.Version + (int)state.Stage;
        }

        return checksum;
    }

    [Benchmark(Description = "ValueChain.Replay")]
    public long LibraryReplay()
    {
        long checksum = 0;
        foreach (var history in _histories)
        {
            var state = _chain.Replay(history);
            checksum += state.Version + (int)state.Stage;
        }

        return checksum;
    }

    /// <summary>A clock the setup moves by hand, so the dormancy guard and entry times see real gaps.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private DateTimeOffset _now = Origin;

        public void Reset() => _now = Origin;

        public void Step(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>What an integrator writes by hand: a switch over stage and trigger, checks, no table.</summary>
    private static class HandWritten
    {
        public static Result Replay(MemberTransitioned[] events)
        {
            var first = events[0];
            var result = new Result { Member = first.Member, Stage = first.To, Version = 1, SuspendedFrom = LifecycleStage.Prospect, EnteredTicks = first.OccurredAt.UtcTicks };
            for (var i = 1; i < events.Length; i++)
            {
                var e = events[i];
                if (e.Member != result.Member || e.Version != result.Version + 1 || e.From != result.Stage)
                {
                    throw new InvalidOperationException($"Event {i} does not fit.");
                }

                var to = Next(result.Stage, e.Trigger, result.SuspendedFrom);
                if (to != e.To)
                {
                    throw new InvalidOperationException($"Event {i} goes to {e.To}, expected {to}.");
                }

                if (to == LifecycleStage.Suspended)
                {
                    result.SuspendedFrom = result.Stage;
                }

                if (to != result.Stage)
                {
                    result.EnteredTicks = e.OccurredAt.UtcTicks;
                }

                result.Stage = to;
                result.Version = e.Version;
            }

            return result;
        }

        private static LifecycleStage Next(LifecycleStage stage, LifecycleTrigger trigger, LifecycleStage suspendedFrom) => (stage, trigger) switch
        {
            (LifecycleStage.Prospect, LifecycleTrigger.JoinedLeadGroup or LifecycleTrigger.Followed or LifecycleTrigger.TookLeadProduct) => LifecycleStage.Fan,
            (LifecycleStage.Prospect or LifecycleStage.Fan or LifecycleStage.Dormant, LifecycleTrigger.MadeFirstPurchase) => LifecycleStage.Customer,
            (LifecycleStage.Prospect or LifecycleStage.Fan or LifecycleStage.Dormant or LifecycleStage.Customer or LifecycleStage.Member or LifecycleStage.Lapsed, LifecycleTrigger.BoughtMembership or LifecycleTrigger.BoughtGiftPack) => LifecycleStage.Member,
            (LifecycleStage.Partner, LifecycleTrigger.BoughtMembership or LifecycleTrigger.BoughtGiftPack or LifecycleTrigger.MembershipRenewed or LifecycleTrigger.MembershipExpired) => LifecycleStage.Partner,
            (LifecycleStage.Prospect or LifecycleStage.Fan or LifecycleStage.Customer or LifecycleStage.Member or LifecycleStage.Lapsed, LifecycleTrigger.BoughtPartnerPackage) => LifecycleStage.Partner,
            (LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner) => LifecycleStage.Partner,
            (LifecycleStage.Member, LifecycleTrigger.MembershipExpired) => LifecycleStage.Lapsed,
            (LifecycleStage.Member or LifecycleStage.Lapsed, LifecycleTrigger.MembershipRenewed) => LifecycleStage.Member,
            (LifecycleStage.Member or LifecycleStage.Lapsed, LifecycleTrigger.MembershipRefunded) => LifecycleStage.Customer,
            (LifecycleStage.Fan, LifecycleTrigger.WentDormant) => LifecycleStage.Dormant,
            (LifecycleStage.Dormant, LifecycleTrigger.Reactivated) => LifecycleStage.Fan,
            (LifecycleStage.Fan or LifecycleStage.Dormant or LifecycleStage.Customer or LifecycleStage.Member or LifecycleStage.Lapsed or LifecycleStage.Partner, LifecycleTrigger.Suspended) => LifecycleStage.Suspended,
            (LifecycleStage.Suspended, LifecycleTrigger.Reinstated) => suspendedFrom,
            (not LifecycleStage.Removed, LifecycleTrigger.Removed) => LifecycleStage.Removed,
            (LifecycleStage.Partner, LifecycleTrigger.PartnershipEnded) => LifecycleStage.Member,
            _ => throw new InvalidOperationException($"{trigger} is not permitted from {stage}."),
        };

        public struct Result
        {
            public MemberId Member;
            public LifecycleStage Stage;
            public long Version;
            public LifecycleStage SuspendedFrom;
            public long EnteredTicks;
        }
    }
}
