namespace CommunityModel.Organisation;

/// <summary>
/// The organisation's rules (规章制度) as data, bound from <c>Community:Organisation</c>:
/// <code>
/// "Organisation": { "ElectionQuorum": "50%", "TieRule": "NoWinner", "MonitorTermDays": 180,
///                   "RegistrationNotice": "1.00:00:00", "BannedTopics": [ "politics", "religion", "政治", "宗教" ] }
/// </code>
/// </summary>
public sealed class OrganisationOptions
{
    /// <summary>The share of eligible members who must vote for an election to count (default 50%).</summary>
    public Rate ElectionQuorum { get; set; } = Rate.FromPercent(50);

    /// <summary>What a tie at the top means (default: no winner, elect again).</summary>
    public ElectionTieRule TieRule { get; set; } = ElectionTieRule.NoWinner;

    /// <summary>A class monitor's term in days (default 180); 0 for no term.</summary>
    public int MonitorTermDays { get; set; } = 180;

    /// <summary>How long before it starts an activity must be registered (活动报备; default one day).</summary>
    public TimeSpan RegistrationNotice { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Topics no activity may be about (不准谈论政治、宗教等问题); matched case-insensitively in titles and topics.</summary>
    public IList<string> BannedTopics { get; set; } = ["politics", "religion", "政治", "宗教"];

    /// <summary>Values in configuration that did not parse, each naming its path; reported at start-up.</summary>
    internal List<string> BindingProblems { get; } = [];
}
