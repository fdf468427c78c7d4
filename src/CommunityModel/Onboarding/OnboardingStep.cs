namespace CommunityModel.Onboarding;

/// <summary>
/// Where a new member stands in the four layers of retention (四层沉淀): each value names the step the
/// member is waiting for, so a stalled member's step says what to do next.
/// </summary>
public enum OnboardingStep
{
    /// <summary>Waiting to be added to a sales account (销售号).</summary>
    AwaitingSalesAccount = 0,

    /// <summary>Waiting for the dedicated service group (专属对接群) with its staff.</summary>
    AwaitingServiceGroup = 1,

    /// <summary>Waiting to be added to the customer-service account (客服号).</summary>
    AwaitingCustomerService = 2,

    /// <summary>Waiting for the self-introduction in the required nickname format.</summary>
    AwaitingIntroduction = 3,

    /// <summary>Waiting to be pulled into the big group (大群).</summary>
    AwaitingBigGroup = 4,

    /// <summary>All four layers done.</summary>
    Completed = 5,
}
