namespace CommunityModel.Metrics;

/// <summary>Who forms a retention cohort.</summary>
public enum RetentionKind
{
    /// <summary>
    /// First-time retention: each member belongs to one cohort, the period of their first activity ever
    /// (a member first active before the report's period is in no cohort). Cohort sizes add up to the members new in the period.
    /// </summary>
    FirstTime = 0,

    /// <summary>
    /// Recurring retention: a member joins the cohort of every period they are active in, and returns to it when
    /// active in a later period. Cohort sizes add up to the distinct (member, period) activity pairs.
    /// </summary>
    Recurring = 1,
}
