namespace CommunityModel.Commissions.Staff;

/// <summary>The options of a staff profit-sharing schedule (内部员工分润递进): progressive rates by period sales volume.</summary>
public sealed class StaffScheduleOptions
{
    /// <summary>The schedule's name; part of every rule id it pays (<c>&lt;name&gt;/staff</c>).</summary>
    public string Name { get; set; } = "staff";

    /// <summary>The currency of volumes and thresholds; CNY by default.</summary>
    public Currency Currency { get; set; } = Currency.CNY;

    /// <summary>Whole volume at the band reached, or marginal bands like tax brackets.</summary>
    public StaffBandMode Mode { get; set; } = StaffBandMode.WholeVolume;

    /// <summary>The bands, lowest first; the first starts at zero, thresholds strictly increase, rates never decrease.</summary>
    public IList<StaffBandOptions> Bands { get; } = [];

    /// <summary>How pay is rounded to the minor unit; down by default (never overpay).</summary>
    public RoundingMode Rounding { get; set; } = RoundingMode.Down;
}
