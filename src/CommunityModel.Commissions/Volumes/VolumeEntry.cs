using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Volumes;

/// <summary>
/// One movement of a member's personal volume in a period: a sale adds its commissionable base, a refund
/// recorded in the period takes volume back. Create with <see cref="Sale"/> or <see cref="Refund(MemberId, Money)"/>;
/// a refund of an order line with role holders with <see cref="Refund(CommissionableOrder, Money)"/>, so it takes
/// volume back from its holders' staff volumes too.
/// </summary>
/// <param name="Member">The buyer whose personal volume moves.</param>
/// <param name="Amount">The signed change: positive for a sale, negative for a refund.</param>
public readonly record struct VolumeEntry(MemberId Member, Money Amount)
{
    /// <summary>For a refund, the refunded order line; <see langword="null"/> when the refund names only its buyer.</summary>
    /// <remarks>
    /// When <see cref="Roles"/> is <see langword="null"/> and this names an order line of the same period (the orders given to
    /// <see cref="Run.CommissionRun.Execute"/> or <see cref="Staff.StaffVolumes.Create(Plans.CommissionPlan, IEnumerable{CommissionableOrder}, IEnumerable{VolumeEntry})"/>),
    /// the refund takes volume back from that order line's role holders.
    /// </remarks>
    public string? OrderLineId { get; init; }

    /// <summary>
    /// For a refund, the refunded order line's role holders by role name (its <see cref="CommissionableOrder.Roles"/>): the
    /// refunded volume is taken back from each holder's period volume in that role, never below zero. <see langword="null"/>
    /// to take them from the period's order line named by <see cref="OrderLineId"/>, or when the order line named none.
    /// </summary>
    public ImmutableDictionary<string, MemberId>? Roles { get; init; }

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

    /// <summary>
    /// A refund of an order line recorded in the period, of this period's orders or an earlier one's: takes volume back
    /// from its buyer's personal volume and from each of its role holders' staff volume in their role.
    /// </summary>
    /// <param name="order">The refunded order line: its buyer, id and role holders.</param>
    /// <param name="volume">The volume taken back (the refunded part of the order line's commissionable base), zero or more.</param>
    /// <returns>The entry.</returns>
    public static VolumeEntry Refund(CommissionableOrder order, Money volume)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.Buyer, volume.Negate()) { OrderLineId = order.OrderLineId, Roles = order.Roles };
    }
}
