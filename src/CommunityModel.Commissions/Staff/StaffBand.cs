namespace CommunityModel.Commissions.Staff;

/// <summary>One band of a staff schedule: from this period volume on, the rate applies.</summary>
/// <param name="From">The period sales volume at which the band starts; the first band starts at zero.</param>
/// <param name="Rate">The rate of the band, 0% to 100%.</param>
public readonly record struct StaffBand(Money From, Rate Rate)
{
    /// <summary>Formats as <c>from ¥50,000.00: 2%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"from {From}: {Rate}";
}
