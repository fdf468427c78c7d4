namespace CommunityModel.Onboarding;

/// <summary>A member who has waited too long at a step: who, which step, and for how long.</summary>
/// <param name="State">The member's onboarding state.</param>
/// <param name="WaitingFor">How long they have waited at <see cref="OnboardingState.Step"/>.</param>
public readonly record struct StalledOnboarding(OnboardingState State, TimeSpan WaitingFor);
