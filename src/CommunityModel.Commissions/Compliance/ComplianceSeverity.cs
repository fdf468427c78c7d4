namespace CommunityModel.Commissions.Compliance;

/// <summary>How serious a compliance finding is under its profile.</summary>
public enum ComplianceSeverity
{
    /// <summary>Worth knowing; nothing breaches the profile.</summary>
    Info = 0,

    /// <summary>A risk the profile flags but does not forbid outright.</summary>
    Warning = 1,

    /// <summary>A breach of a rule of the profile.</summary>
    Error = 2,
}
