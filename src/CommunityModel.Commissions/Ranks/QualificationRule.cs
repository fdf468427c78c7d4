namespace CommunityModel.Commissions.Ranks;

/// <summary>A kind of rank qualification rule.</summary>
public enum QualificationRule
{
    /// <summary>The least personal volume.</summary>
    PersonalVolume = 0,

    /// <summary>The least team volume (after leaving out split-off teams when the plan excludes them).</summary>
    TeamVolume = 1,

    /// <summary>The least number of direct referrals.</summary>
    DirectReferrals = 2,

    /// <summary>The least number of legs holding a given rank or higher.</summary>
    QualifiedLegs = 3,
}
