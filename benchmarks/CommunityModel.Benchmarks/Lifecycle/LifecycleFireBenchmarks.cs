using BenchmarkDotNet.Attributes;
using CommunityModel.Lifecycle;

namespace CommunityModel.Benchmarks;

/// <summary>
/// One guarded transition (a member who qualifies as a partner: two guards, facts, event) on the online path, against
/// the three things a Stateless user would compare it with: a new Stateless machine per member instance, configured with
/// the same definition, then fired (what the documentation's examples do; the baseline, the ratios' 1.00); one Stateless
/// machine configured once and reused for every member through external state storage (Stateless's best case: it reads
/// and writes the stage of whichever member is current; not thread-safe, so one per thread); and a hand-written switch
/// on stage and trigger with the guards inlined (the floor: no descriptions, no refusal reasons). Each makes the same
/// event by hand. Library: <see cref="ValueChain.Fire"/> on the table compiled once from that definition.
/// </summary>
[MemoryDiagnoser]
public class LifecycleFireBenchmarks
{
    private readonly LifecycleFacts _facts = new(SuccessfulReferrals: 4, HoldsActiveKa: true);
    private ValueChain _chain = null!;
    private LifecycleState _member = null!;

    private readonly ValueChainOptions _options = new();
    private StatelessValueChain _reused = null!;
    private MemberEntity _current = new();

    [GlobalSetup]
    public void Setup()
    {
        _chain = new ValueChain(_options, TimeProvider.System);
        _member = _chain.Fire(_chain.Start(1024).State, LifecycleTrigger.BoughtMembership).State;
        _reused = _chain.CreateStatelessMachine(() => _current.Stage, s => _current.Stage = s);
    }

    [Benchmark(Baseline = true, Description = "StatelessPerInstance: new machine + Configure + Fire")]
    public MemberTransitioned StatelessPerInstance()
    {
        var entity = new MemberEntity { Stage = _member.Stage, Version = _member.Version };
        var machine = _chain.CreateStatelessMachine(() => entity.Stage, s => entity.Stage = s);
        var now = TimeProvider.System.GetUtcNow();
        var from = entity.Stage;
        machine.Fire(LifecycleTrigger.QualifiedAsPartner, new ValueChainContext(_member, _facts, null, now));
        entity.Version++;
        return new MemberTransitioned(_member.Member, from, entity.Stage, LifecycleTrigger.QualifiedAsPartner, null, now, entity.Version, []);
    }

    [Benchmark(Description = "StatelessReused: one configured machine, external state")]
    public MemberTransitioned StatelessReused()
    {
        // The member's own entity, as loaded from storage; the machine reads and writes whichever entity is current.
        var entity = new MemberEntity { Stage = _member.Stage, Version = _member.Version };
        _current = entity;
        var now = TimeProvider.System.GetUtcNow();
        var from = entity.Stage;
        _reused.Fire(LifecycleTrigger.QualifiedAsPartner, new ValueChainContext(_member, _facts, null, now));
        entity.Version++;
        return new MemberTransitioned(_member.Member, from, entity.Stage, LifecycleTrigger.QualifiedAsPartner, null, now, entity.Version, []);
    }

    [Benchmark(Description = "HandWrittenSwitch: stage x trigger, guards inlined")]
    public MemberTransitioned HandWrittenSwitch()
    {
        var entity = new MemberEntity { Stage = _member.Stage, Version = _member.Version };
        var now = TimeProvider.System.GetUtcNow();
        var from = entity.Stage;
        entity.Stage = (entity.Stage, LifecycleTrigger.QualifiedAsPartner) switch
        {
            (LifecycleStage.Member, LifecycleTrigger.QualifiedAsPartner)
                when (_facts.HoldsActiveKa || _facts.HoldsPartnerPackage) && _facts.SuccessfulReferrals >= _options.MinimumPartnerReferrals => LifecycleStage.Partner,
            _ => throw new InvalidOperationException($"{entity.Stage} does not permit {LifecycleTrigger.QualifiedAsPartner}."),
        };
        entity.Version++;
        return new MemberTransitioned(_member.Member, from, entity.Stage, LifecycleTrigger.QualifiedAsPartner, null, now, entity.Version, []);
    }

    [Benchmark(Description = "ValueChain.Fire (compiled table)")]
    public Transition<LifecycleState, MemberTransitioned> CompiledFire() => _chain.Fire(_member, LifecycleTrigger.QualifiedAsPartner, facts: _facts);

    [Benchmark(Description = "ValueChain.TryFire refused (guards unmet)")]
    public bool CompiledTryFireRefused() => _chain.TryFire(_member, LifecycleTrigger.QualifiedAsPartner).Succeeded;

    private sealed class MemberEntity
    {
        public LifecycleStage Stage { get; set; }

        public long Version { get; set; }
    }
}
