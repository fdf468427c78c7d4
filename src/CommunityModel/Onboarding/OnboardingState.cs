namespace CommunityModel.Onboarding;

/// <summary>
/// A new member's onboarding: the step they are waiting for, the version (one more per step), when it began,
/// when the current step began, and what the steps recorded. Immutable; the integrator stores it.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Step">The step the member is waiting for.</param>
/// <param name="Version">1 after <see cref="OnboardingProcess.Start"/>, one more per step.</param>
/// <param name="StartedAt">When onboarding began.</param>
/// <param name="StepEnteredAt">When the member started waiting for <paramref name="Step"/>.</param>
/// <param name="ServiceGroupRoles">The staff of the service group, once created.</param>
/// <param name="Nickname">The nickname of the self-introduction, once posted.</param>
public sealed record OnboardingState(
    MemberId Member,
    OnboardingStep Step,
    long Version,
    DateTimeOffset StartedAt,
    DateTimeOffset StepEnteredAt,
    StaffRoles ServiceGroupRoles = StaffRoles.None,
    string? Nickname = null)
{
    /// <summary>Whether all four layers are done.</summary>
    public bool IsCompleted => Step == OnboardingStep.Completed;
}
