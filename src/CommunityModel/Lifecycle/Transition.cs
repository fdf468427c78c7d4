namespace CommunityModel.Lifecycle;

/// <summary>The outcome of a transition: the member's next state and the event to store with it.</summary>
/// <typeparam name="TState">The lifecycle's state type.</typeparam>
/// <typeparam name="TEvent">The lifecycle's event type.</typeparam>
/// <param name="State">The new state; store it only if the stored version is still the old one.</param>
/// <param name="Event">The event describing the change.</param>
public readonly record struct Transition<TState, TEvent>(TState State, TEvent Event)
    where TState : class
    where TEvent : class, IDomainEvent;
