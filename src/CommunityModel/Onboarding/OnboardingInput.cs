namespace CommunityModel.Onboarding;

/// <summary>What a step brings with it: the service group's staff, or the nickname of the self-introduction.</summary>
/// <param name="ServiceGroupRoles">For <see cref="OnboardingTrigger.ServiceGroupCreated"/>: who is in the group.</param>
/// <param name="Nickname">For <see cref="OnboardingTrigger.IntroductionPosted"/>: the nickname the member took.</param>
public readonly record struct OnboardingInput(StaffRoles ServiceGroupRoles = StaffRoles.None, string? Nickname = null);
