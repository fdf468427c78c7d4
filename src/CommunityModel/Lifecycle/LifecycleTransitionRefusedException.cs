using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// A <c>Fire</c> was refused: the trigger is not permitted from the member's stage
/// (<see cref="ErrorCodes.LifecycleTriggerNotPermitted"/>), or its guards are unmet
/// (<see cref="ErrorCodes.LifecycleGuardsUnmet"/>). The state is untouched.
/// </summary>
public sealed class LifecycleTransitionRefusedException : CommunityModelException
{
    /// <summary>Creates the error; the message names the member, the stage, the trigger and every unmet guard.</summary>
    /// <param name="member">The member.</param>
    /// <param name="stage">The stage the member is in (a value of the lifecycle's stage enum).</param>
    /// <param name="trigger">The trigger that was fired (a value of the lifecycle's trigger enum).</param>
    /// <param name="unmetGuards">The unmet guards; empty when the trigger is not permitted from the stage.</param>
    /// <param name="permittedTriggers">The triggers the stage does permit, to name them in the message.</param>
    public LifecycleTransitionRefusedException(MemberId member, Enum stage, Enum trigger, ImmutableArray<LifecycleGuard> unmetGuards, IEnumerable<Enum> permittedTriggers)
        : base(
            unmetGuards.IsDefaultOrEmpty ? ErrorCodes.LifecycleTriggerNotPermitted : ErrorCodes.LifecycleGuardsUnmet,
            unmetGuards.IsDefaultOrEmpty
                ? $"Member {member} is {stage}: {trigger} is not permitted from {stage} (permitted: {string.Join(", ", permittedTriggers)})."
                : $"Member {member} is {stage}: {trigger} was refused; unmet guards: {string.Join("; ", unmetGuards.Select(g => g.Description.English))}.")
    {
        Member = member;
        Stage = stage;
        Trigger = trigger;
        UnmetGuards = unmetGuards.IsDefault ? [] : unmetGuards;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }

    /// <summary>The stage the member is in.</summary>
    public Enum Stage { get; }

    /// <summary>The refused trigger.</summary>
    public Enum Trigger { get; }

    /// <summary>The unmet guards; empty when the trigger is not permitted from the stage.</summary>
    public ImmutableArray<LifecycleGuard> UnmetGuards { get; }
}
