namespace CommunityModel.Lifecycle;

/// <summary>A guard as the engine runs it: its public description and its check over a transition's context.</summary>
/// <typeparam name="TContext">What the check reads: the state, the facts supplied with the trigger, the time.</typeparam>
internal sealed class GuardDefinition<TContext>(LifecycleGuard guard, Func<TContext, bool> check, bool checksArgumentsOnly = false)
{
    public LifecycleGuard Guard { get; } = guard;

    public Func<TContext, bool> Check { get; } = check;

    /// <summary>
    /// Whether the guard only checks what the caller passes with the trigger (e.g. a reason), so listing
    /// permitted triggers treats it as met: the caller can always meet it.
    /// </summary>
    public bool ChecksArgumentsOnly { get; } = checksArgumentsOnly;

    /// <summary>The description Stateless records; unique within a lifecycle, so compilation can map it back.</summary>
    public string Key => Guard.Description.English;

    /// <summary>The guard in the form Stateless takes for a parameterised trigger.</summary>
    public Tuple<Func<TContext, bool>, string> ForStateless() => Tuple.Create(Check, Key);
}
