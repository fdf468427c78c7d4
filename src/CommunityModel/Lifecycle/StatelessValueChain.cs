using Stateless;

namespace CommunityModel.Lifecycle;

/// <summary>A configured Stateless value chain with its parameterised triggers: the definition, fired directly.</summary>
internal sealed class StatelessValueChain(
    StateMachine<LifecycleStage, LifecycleTrigger> machine,
    StateMachine<LifecycleStage, LifecycleTrigger>.TriggerWithParameters<ValueChainContext>[] triggers)
{
    public StateMachine<LifecycleStage, LifecycleTrigger> Machine { get; } = machine;

    public bool CanFire(LifecycleTrigger trigger, ValueChainContext context) => Machine.CanFire(triggers[(int)trigger], context);

    public void Fire(LifecycleTrigger trigger, ValueChainContext context) => Machine.Fire(triggers[(int)trigger], context);
}
