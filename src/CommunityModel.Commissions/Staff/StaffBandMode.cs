namespace CommunityModel.Commissions.Staff;

/// <summary>How a staff schedule's bands apply to a period's sales volume.</summary>
public enum StaffBandMode
{
    /// <summary>The whole volume earns the rate of the highest band reached (a step: crossing a threshold raises the rate on everything).</summary>
    WholeVolume,

    /// <summary>Each band's rate applies only to the part of the volume inside that band, like tax brackets (no cliff at a threshold).</summary>
    Marginal,
}
