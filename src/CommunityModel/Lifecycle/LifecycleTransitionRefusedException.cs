using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>
/// A <c>Fire</c> was refused: the trigger is not permitted from the member's stage
/// (<see cref="ErrorCodes.LifecycleTriggerNotPermitted"/>), or its guards are unmet
/// (<see cref="ErrorCodes.LifecycleGuardsUnmet"/>). The state is untouched.
/// </summary>
/// <remarks>
/// <see cref="CommunityModelException.Refusals"/> are those of the <c>TryFire</c> attempt: one
/// <see cref="ErrorCodes.LifecycleTriggerNotPermitted"/> refusal (field <c>trigger</c>), or one
/// <see cref="ErrorCodes.LifecycleGuardsUnmet"/> refusal followed by one per unmet guard, with the guard's own code.
/// </remarks>
public sealed class LifecycleTransitionRefusedException : CommunityModelException
{
    /// <summary>Creates the error; the message names the member, the stage, the trigger and every unmet guard.</summary>
    /// <param name="member">The member.</param>
    /// <param name="stage">The stage the member is in (a value of the lifecycle's stage enum).</param>
    /// <param name="trigger">The trigger that was fired (a value of the lifecycle's trigger enum).</param>
    /// <param name="unmetGuards">The unmet guards; empty when the trigger is not permitted from the stage.</param>
    /// <param name="permittedTriggers">The triggers the stage does permit, to name them in the message.</param>
    /// <param name="guardsField">The argument the guards (other than a required reason) read, e.g. <c>facts</c>, for their refusals' field.</param>
    public LifecycleTransitionRefusedException(MemberId member, Enum stage, Enum trigger, ImmutableArray<LifecycleGuard> unmetGuards, IEnumerable<Enum> permittedTriggers, string? guardsField = null)
        : this(member, stage, trigger, unmetGuards, RefusalsFor(member, stage, trigger, unmetGuards, permittedTriggers, guardsField))
    {
    }

    internal LifecycleTransitionRefusedException(MemberId member, Enum stage, Enum trigger, ImmutableArray<LifecycleGuard> unmetGuards, ImmutableArray<Refusal> refusals)
        : base(refusals, refusals.IsDefaultOrEmpty ? "" : refusals[0].Message)
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

    /// <summary>The refusals of a refused transition: not permitted, or guards unmet followed by each guard.</summary>
    internal static ImmutableArray<Refusal> RefusalsFor(MemberId member, Enum stage, Enum trigger, ImmutableArray<LifecycleGuard> unmetGuards, IEnumerable<Enum> permittedTriggers, string? guardsField)
    {
        if (unmetGuards.IsDefaultOrEmpty)
        {
            return [new Refusal(
                ErrorCodes.LifecycleTriggerNotPermitted,
                $"Member {member} is {stage}: {trigger} is not permitted from {stage} (permitted: {string.Join(", ", permittedTriggers)}).",
                "trigger")];
        }

        var refusals = ImmutableArray.CreateBuilder<Refusal>(unmetGuards.Length + 1);
        refusals.Add(new Refusal(
            ErrorCodes.LifecycleGuardsUnmet,
            $"Member {member} is {stage}: {trigger} was refused; unmet guards: {string.Join("; ", unmetGuards.Select(g => g.Description.English))}."));
        foreach (var guard in unmetGuards)
        {
            refusals.Add(new Refusal(guard.Code, guard.Description.English, guard.Code == ValueChainRules.ReasonGivenCode ? "reason" : guardsField));
        }

        return refusals.MoveToImmutable();
    }
}
