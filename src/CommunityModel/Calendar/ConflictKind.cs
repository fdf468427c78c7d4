namespace CommunityModel.Calendar;

/// <summary>Why two activities of a calendar cannot both run as planned.</summary>
public enum ConflictKind
{
    /// <summary>Their windows overlap in the same group: members cannot attend both.</summary>
    GroupOverlap = 0,

    /// <summary>Their windows overlap and one organiser runs both.</summary>
    OrganiserDoubleBooked = 1,
}
