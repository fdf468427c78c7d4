namespace CommunityModel.Commissions.Volumes;

/// <summary>
/// One movement of a member's personal volume in a period: a sale adds its commissionable base, a refund
/// recorded in the period takes volume back. Create with <see cref="Sale"/> or <see cref="Refund"/>.
/// </summary>
/// <param name="Member">The buyer whose personal volume moves.</param>
/// <param name="Amount">The signed change: positive for a sale, negative for a refund.</param>
public readonly record struct VolumeEntry(MemberId Member, Money Amount)
{
    /// <summary>A sale adding its commissionable base to the buyer's personal volume.</summary>
    /// <param name="member">The buyer.</param>
    /// <param name="commissionableBase">The base, zero or more.</param>
    /// <returns>The entry.</returns>
    public static VolumeEntry Sale(MemberId member, Money commissionableBase) => new(member, commissionableBase);

    /// <summary>A refund recorded in the period, taking volume back from the buyer.</summary>
    /// <param name="member">The buyer.</param>
    /// <param name="volume">The volume taken back, zero or more.</param>
    /// <returns>The entry.</returns>
    public static VolumeEntry Refund(MemberId member, Money volume) => new(member, volume.Negate());
}
