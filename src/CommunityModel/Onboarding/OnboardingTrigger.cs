namespace CommunityModel.Onboarding;

/// <summary>The steps of onboarding, in the only order they can happen.</summary>
public enum OnboardingTrigger
{
    /// <summary>The member's onboarding began (only <see cref="OnboardingProcess.Start"/> records it; never fired).</summary>
    Started = 0,

    /// <summary>Layer 1: the member was added to a sales account (销售号).</summary>
    SalesAccountAdded = 1,

    /// <summary>Layer 2: the dedicated service group (专属对接群) was created with its staff roles.</summary>
    ServiceGroupCreated = 2,

    /// <summary>Layer 3: the member was added to the customer-service account (客服号).</summary>
    CustomerServiceAdded = 3,

    /// <summary>Layer 4a: the member posted a self-introduction with a nickname in the required format.</summary>
    IntroductionPosted = 4,

    /// <summary>Layer 4b: the member was pulled into the big group (大群).</summary>
    BigGroupJoined = 5,
}
