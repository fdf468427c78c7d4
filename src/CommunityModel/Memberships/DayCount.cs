namespace CommunityModel.Memberships;

/// <summary>How the unused part of a term is measured for upgrade credits, pro-rata refunds and prorated prices.</summary>
public enum DayCount
{
    /// <summary>Unused calendar days over the term's days: from today (counted as unused) to the end of the term.</summary>
    ActualDays,

    /// <summary>Unused whole months over the term's months; a started month counts as used.</summary>
    WholeMonths,
}
