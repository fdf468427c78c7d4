namespace CommunityModel.Onboarding;

/// <summary>A step of onboarding happened (or onboarding began, with <see cref="OnboardingTrigger.Started"/>).</summary>
/// <param name="Member">Who.</param>
/// <param name="From">The step waited for before.</param>
/// <param name="To">The step waited for now.</param>
/// <param name="Trigger">What happened.</param>
/// <param name="OccurredAt">When, from the injected <see cref="TimeProvider"/>.</param>
/// <param name="Version">The state's version after this event.</param>
/// <param name="ServiceGroupRoles">The staff of the service group, for <see cref="OnboardingTrigger.ServiceGroupCreated"/>.</param>
/// <param name="Nickname">The nickname, for <see cref="OnboardingTrigger.IntroductionPosted"/>.</param>
public sealed record OnboardingStepCompleted(
    MemberId Member,
    OnboardingStep From,
    OnboardingStep To,
    OnboardingTrigger Trigger,
    DateTimeOffset OccurredAt,
    long Version,
    StaffRoles ServiceGroupRoles = StaffRoles.None,
    string? Nickname = null) : IDomainEvent;
