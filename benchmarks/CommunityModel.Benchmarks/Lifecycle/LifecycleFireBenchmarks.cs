using BenchmarkDotNet.Attributes;
using CommunityModel.Lifecycle;

namespace CommunityModel.Benchmarks;

/// <summary>
/// One guarded transition (a member who qualifies as a partner: two guards, facts, event) on the online path.
/// Baseline: what a naive integrator writes — a new Stateless machine over the member's entity, configured
/// with the same definition, then fired, then an event made by hand. Library: <see cref="ValueChain.Fire"/>
/// on the table compiled once from that definition.
/// </summary>
[MemoryDiagnoser]
public class LifecycleFireBenchmarks
{
    private readonly LifecycleFacts _facts = new(SuccessfulReferrals: 4, HoldsActiveKa: true);
    private ValueChain _chain = null!;
    private LifecycleState _member = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain = new ValueChain(new ValueChainOptions(), TimeProvider.System);
        _member = _chain.Fire(_chain.Start(1024).State, LifecycleTrigger.BoughtMembership).State;
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
