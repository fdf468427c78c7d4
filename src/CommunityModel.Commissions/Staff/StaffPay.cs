using System.Collections.Immutable;

namespace CommunityModel.Commissions.Staff;

/// <summary>What a staff schedule pays on one period's sales volume, explained band by band.</summary>
/// <param name="Schedule">The schedule's name.</param>
/// <param name="Mode">Whole volume or marginal bands.</param>
/// <param name="Volume">The period's sales volume.</param>
/// <param name="BandReached">The highest band the volume reached.</param>
/// <param name="Portions">What each band paid on, lowest band first; their amounts add up to <paramref name="Total"/>.</param>
/// <param name="Total">The period's pay.</param>
public sealed record StaffPay(
    string Schedule,
    StaffBandMode Mode,
    Money Volume,
    StaffBand BandReached,
    ImmutableArray<StaffBandPortion> Portions,
    Money Total)
{
    /// <summary>The effective rate: <see cref="Total"/> over <see cref="Volume"/> (zero on no volume).</summary>
    public Rate EffectiveRate => Volume.IsZero ? Rate.Zero : Rate.Of(Total, Volume);
}
