namespace CommunityModel.Commissions.Staff;

/// <summary>The part of a period's volume one band paid on, and what it paid.</summary>
/// <param name="Band">The band.</param>
/// <param name="Volume">The volume the band's rate applied to: all of it for <see cref="StaffBandMode.WholeVolume"/>, the slice inside the band for <see cref="StaffBandMode.Marginal"/>.</param>
/// <param name="Amount">What the band paid, rounded by the schedule so that the portions add up to the total exactly.</param>
public readonly record struct StaffBandPortion(StaffBand Band, Money Volume, Money Amount);
