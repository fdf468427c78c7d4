using CommunityModel.Onboarding;

namespace CommunityModel.Demo;

/// <summary>
/// What the run keeps of one person beside the community: the lead group joined and the onboarding, which the community
/// does not hold, and the membership order a refund would name. Stage, membership and promoter rights are read from the
/// <see cref="Community"/>.
/// </summary>
internal sealed class Person(MemberId id, MemberId sponsor)
{
    public MemberId Id { get; } = id;

    public MemberId Sponsor { get; } = sponsor;

    /// <summary>The last membership order (purchase, renewal, upgrade): a refund asked for names it.</summary>
    public string? MembershipOrder { get; set; }

    public OnboardingState? Onboarding { get; set; }

    /// <summary>Index of the lead group joined, or -1.</summary>
    public int LeadGroup { get; set; } = -1;

    /// <summary>Whether the person has made a paid order (a first one during the run makes a new customer of the month).</summary>
    public bool HasPaid { get; set; }

    /// <summary>Whether the self-introduction step has been tried once.</summary>
    public bool IntroductionAttempted { get; set; }
}
