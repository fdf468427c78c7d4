using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Onboarding;

namespace CommunityModel.Demo;

/// <summary>The run's working record of one person: the library's states for them, and what the run needs to decide their next step.</summary>
internal sealed class Person(MemberId id, MemberId sponsor, LifecycleState stage)
{
    public MemberId Id { get; } = id;

    public MemberId Sponsor { get; } = sponsor;

    public LifecycleState Stage { get; set; } = stage;

    public Membership? Membership { get; set; }

    /// <summary>The order line of the membership payment a refund would reverse.</summary>
    public string? MembershipOrderLine { get; set; }

    public OnboardingState? Onboarding { get; set; }

    /// <summary>Index of the lead group joined, or -1.</summary>
    public int LeadGroup { get; set; } = -1;

    public bool HasPaid { get; set; }

    /// <summary>When they last attended or bought (the dormancy guard reads it).</summary>
    public DateTimeOffset LastActiveAt { get; set; }

    /// <summary>Whether the self-introduction step has been tried once.</summary>
    public bool IntroductionAttempted { get; set; }

    /// <summary>People this person referred who went on to pay.</summary>
    public int SuccessfulReferrals { get; set; }

    public bool IsActiveMember => Membership is { Status: MembershipStatus.Active };
}
