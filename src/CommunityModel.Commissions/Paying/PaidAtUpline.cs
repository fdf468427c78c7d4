namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The upline of one order as it was when the order was paid: sponsors from the period's <see cref="SponsorTimeline"/> at the
/// order's time, ranks and statuses from the period-end <see cref="PackedUpline"/>. Made per order (three fields, no allocation).
/// The upline must be built with the same timeline, so its entries flag the members whose sponsor changed.
/// </summary>
/// <param name="upline">The period-end upline.</param>
/// <param name="timeline">The period's sponsor changes.</param>
/// <param name="paidAtTicks">When the order was paid, in UTC ticks; <see cref="long.MaxValue"/> for the period end.</param>
internal readonly struct PaidAtUpline(PackedUpline upline, SponsorTimeline timeline, long paidAtTicks) : IUplineTable
{
    public int ParentAt(int index) => upline.ChangedAt(index) ? timeline.ChangedParentAt(index, paidAtTicks) : upline.ParentAt(index);

    public int RankAt(int index) => upline.RankAt(index);

    public EarnerStatus StatusAt(int index) => upline.StatusAt(index);
}
