using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// The result of a <c>TryFire</c>: either a <see cref="Transition"/>, or a refusal that says why — the trigger
/// is not permitted from the stage at all, or it is but the listed guards are unmet.
/// </summary>
/// <typeparam name="TState">The lifecycle's state type.</typeparam>
/// <typeparam name="TEvent">The lifecycle's event type.</typeparam>
public readonly struct TransitionAttempt<TState, TEvent>
    where TState : class
    where TEvent : class, IDomainEvent
{
    private readonly Transition<TState, TEvent> _transition;
    private readonly ImmutableArray<LifecycleGuard> _unmet;

    private TransitionAttempt(Transition<TState, TEvent> transition, bool succeeded, bool permitted, ImmutableArray<LifecycleGuard> unmet)
    {
        _transition = transition;
        Succeeded = succeeded;
        IsPermittedFromStage = permitted;
        _unmet = unmet;
    }

    /// <summary>Whether the trigger fired.</summary>
    public bool Succeeded { get; }

    /// <summary>Whether the stage has a transition on the trigger at all (false: no guard could help).</summary>
    public bool IsPermittedFromStage { get; }

    /// <summary>Every guard the transition required and did not get; empty when it fired or was not permitted.</summary>
    public ImmutableArray<LifecycleGuard> UnmetGuards => _unmet.IsDefault ? [] : _unmet;

    /// <summary>The new state and event.</summary>
    /// <exception cref="InvalidOperationException">The attempt did not succeed; check <see cref="Succeeded"/> first.</exception>
    public Transition<TState, TEvent> Transition => Succeeded ? _transition : throw new InvalidOperationException("The transition was refused; check Succeeded, IsPermittedFromStage and UnmetGuards.");

    internal static TransitionAttempt<TState, TEvent> Fired(TState state, TEvent @event) => new(new(state, @event), true, true, []);

    internal static TransitionAttempt<TState, TEvent> NotPermitted() => new(default, false, false, []);

    internal static TransitionAttempt<TState, TEvent> GuardsUnmet(ImmutableArray<LifecycleGuard> unmet) => new(default, false, true, unmet);
}
