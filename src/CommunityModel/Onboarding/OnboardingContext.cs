namespace CommunityModel.Onboarding;

/// <summary>What the onboarding guards read when a step fires.</summary>
internal readonly record struct OnboardingContext(OnboardingState State, OnboardingInput Input, DateTimeOffset Now);
