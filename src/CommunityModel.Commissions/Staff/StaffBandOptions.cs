namespace CommunityModel.Commissions.Staff;

/// <summary>One band of a staff schedule as configuration holds it.</summary>
public sealed class StaffBandOptions
{
    /// <summary>The period volume at which the band starts, e.g. <c>50000.00 CNY</c>; the first band starts at zero.</summary>
    public Money? From { get; set; }

    /// <summary>The band's rate, e.g. <c>2%</c>.</summary>
    public Rate? Rate { get; set; }
}
