using System.Collections.Immutable;
using CommunityModel.Lifecycle;

namespace CommunityModel.Tests.Lifecycle;

/// <summary>Reads a refused <c>TryFire</c> the way an integrator would: from its refusals and from the error it throws.</summary>
internal static class TransitionRefusals
{
    /// <summary>Whether the stage has a transition on the trigger at all: the refusal is not <see cref="ErrorCodes.LifecycleTriggerNotPermitted"/>.</summary>
    public static bool IsPermittedFromStage<T>(this Attempt<T> attempt) =>
        attempt.Succeeded || (!attempt.Refusals.IsEmpty && attempt.Refusals[0].Code != ErrorCodes.LifecycleTriggerNotPermitted);

    /// <summary>The unmet guards, as the error of <see cref="Attempt{T}.GetValueOrThrow"/> lists them; empty when fired or not permitted.</summary>
    public static ImmutableArray<LifecycleGuard> UnmetGuards<T>(this Attempt<T> attempt) =>
        attempt.Succeeded || attempt.Refusals.IsEmpty
            ? []
            : Assert.Throws<LifecycleTransitionRefusedException>(() => attempt.GetValueOrThrow()).UnmetGuards;
}
