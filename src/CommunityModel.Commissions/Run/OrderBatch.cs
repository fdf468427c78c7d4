using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// A compact batch of orders for the month-end run: the buyer's dense index in the network snapshot and the
/// commissionable base in minor units, position by position (12 bytes an order, no strings). The position is
/// the order's number in the run's ledger. The batch wraps the memory it is given without copying it: do not
/// change it while a run reads it. Orders of products or kinds with their own rewards (overrides, exclusions)
/// carry the <see cref="RewardSchedule"/> resolved once by the plan's <see cref="Plans.CommissionPlan.ScheduleFor"/>.
/// A batch with the period's sponsor changes and each order's payment time (<see cref="WithPaidAt"/>) pays each order on the
/// upline its buyer had when it paid; otherwise every order is paid on the run's network as it is.
/// </summary>
public sealed class OrderBatch
{
    /// <summary>Wraps buyers and bases.</summary>
    /// <param name="buyers">The buyer of each order, as a dense index of the run's network snapshot.</param>
    /// <param name="baseMinorUnits">The commissionable base of each order in minor units of the plan's currency, zero or more.</param>
    /// <exception cref="CommissionException">The two are not the same length, or a base is negative (<see cref="CommissionErrorCodes.InvalidRequest"/>).</exception>
    public OrderBatch(ReadOnlyMemory<int> buyers, ReadOnlyMemory<long> baseMinorUnits)
        : this(buyers, baseMinorUnits, ReadOnlyMemory<RewardSchedule?>.Empty)
    {
    }

    /// <summary>Wraps buyers, bases and each order's schedule.</summary>
    /// <param name="buyers">The buyer of each order, as a dense index of the run's network snapshot.</param>
    /// <param name="baseMinorUnits">The commissionable base of each order in minor units of the plan's currency, zero or more.</param>
    /// <param name="schedules">
    /// Each order's rewards, from the paying plan's <see cref="Plans.CommissionPlan.ScheduleFor"/> (typically one instance per
    /// product, shared by its orders); a <see langword="null"/> entry pays the plan's own rewards. An excluded schedule pays
    /// nothing and counts no volume. Empty when every order pays the plan's own rewards.
    /// </param>
    /// <exception cref="CommissionException">The memories are not the same length, or a base is negative (<see cref="CommissionErrorCodes.InvalidRequest"/>).</exception>
    public OrderBatch(ReadOnlyMemory<int> buyers, ReadOnlyMemory<long> baseMinorUnits, ReadOnlyMemory<RewardSchedule?> schedules)
    {
        if (!schedules.IsEmpty && schedules.Length != buyers.Length)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"An order batch has {buyers.Length} buyer(s) and {schedules.Length} schedule(s); give one schedule per order, or none.");
        }

        if (buyers.Length != baseMinorUnits.Length)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"An order batch has {buyers.Length} buyer(s) and {baseMinorUnits.Length} base(s); give one of each per order.");
        }

        var bases = baseMinorUnits.Span;
        for (var i = 0; i < bases.Length; i++)
        {
            if (bases[i] < 0)
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order {i} of the batch has a negative base ({bases[i]}); record refunds separately.");
            }
        }

        Buyers = buyers;
        BaseMinorUnits = baseMinorUnits;
        Schedules = schedules;
    }

    private OrderBatch(OrderBatch batch)
    {
        Buyers = batch.Buyers;
        BaseMinorUnits = batch.BaseMinorUnits;
        Schedules = batch.Schedules;
        StaffVolumes = batch.StaffVolumes;
        RoleHolders = batch.RoleHolders;
        SponsorChanges = batch.SponsorChanges;
        PaidAtTicks = batch.PaidAtTicks;
    }

    /// <summary>An empty batch.</summary>
    public static OrderBatch Empty { get; } = new(ReadOnlyMemory<int>.Empty, ReadOnlyMemory<long>.Empty);

    /// <summary>The buyer of each order, as a dense index.</summary>
    public ReadOnlyMemory<int> Buyers { get; }

    /// <summary>The base of each order in minor units.</summary>
    public ReadOnlyMemory<long> BaseMinorUnits { get; }

    /// <summary>Each order's schedule (<see langword="null"/>: the plan's own rewards); empty when every order pays the plan's own rewards.</summary>
    public ReadOnlyMemory<RewardSchedule?> Schedules { get; }

    /// <summary>The role holders' period volumes summed from this batch by <see cref="WithRoles"/>; <see langword="null"/> when the batch names no role holders.</summary>
    public StaffVolumes? StaffVolumes { get; private init; }

    /// <summary>Per order and plan role, the holder's index in <see cref="StaffVolumes"/>' holder table, or -1 for none.</summary>
    internal int[]? RoleHolders { get; private init; }

    /// <summary>The period's sponsor changes the orders are attributed by (<see cref="WithPaidAt"/>); <see langword="null"/> when every order is paid on the run's network as it is.</summary>
    public SponsorHistory? SponsorChanges { get; private init; }

    /// <summary>Per order, when it was paid in UTC ticks, <see cref="long.MaxValue"/> when not known; <see langword="null"/> without <see cref="SponsorChanges"/>.</summary>
    internal long[]? PaidAtTicks { get; private init; }

    /// <summary>The number of orders.</summary>
    public int Count => Buyers.Length;

    /// <summary>
    /// This batch with each order's role holders, so <see cref="CommissionRun.PayBatch"/> pays the plan's roles: the
    /// holders' period volumes are summed from the batch (orders an excluded schedule covers count nothing) and each
    /// Staff or Role line names its beneficiary by an index of <see cref="Staff.StaffVolumes.Holders"/>.
    /// </summary>
    /// <param name="plan">The plan the batch will be paid by.</param>
    /// <param name="holders">Per order, then per plan role in the plan's order (<c>holders[order × roles + role]</c>), the holder; <see langword="default"/> for none.</param>
    /// <returns>A new batch over the same memory, with the holders.</returns>
    /// <exception cref="CommissionException"><paramref name="holders"/> is not one per order and plan role (<see cref="CommissionErrorCodes.InvalidRequest"/>).</exception>
    public OrderBatch WithRoles(CommissionPlan plan, ReadOnlySpan<MemberId> holders)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var roles = plan.Roles.Length;
        if (holders.Length != (long)Count * roles)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"An order batch of {Count} order(s) paid by plan '{plan.Name}' ({roles} role(s)) needs {(long)Count * roles} role holder(s), one per order and role (default for none); {holders.Length} given.");
        }

        var roleHolders = new int[holders.Length];
        var volumes = Staff.StaffVolumes.Create(plan, BaseMinorUnits.Span, Schedules.Span, holders, roleHolders);
        return new OrderBatch(this) { StaffVolumes = volumes, RoleHolders = roleHolders };
    }

    /// <summary>This batch with payment times already checked by <see cref="CheckedPaidAt"/>.</summary>
    internal OrderBatch WithCheckedPaidAt(SponsorHistory sponsorChanges, long[] paidAtTicks) =>
        new(this) { SponsorChanges = sponsorChanges, PaidAtTicks = paidAtTicks };

    /// <summary>
    /// This batch with the period's sponsor changes and when each order was paid, so <see cref="CommissionRun.PayBatch"/> pays each
    /// order on the upline its buyer had at that moment (as <see cref="CommissionCalculator"/> paid it at checkout); an order
    /// without a time is paid on the run's network. Ranks and volumes stay those of the run's (period-end) network.
    /// </summary>
    /// <param name="sponsorChanges">The period's sponsor changes (<see cref="ReferralNetwork.SponsorChangesSince"/> from the period's start), ending at the run's network.</param>
    /// <param name="paidAt">Per order, when it was paid; <see langword="null"/> when not known.</param>
    /// <returns>A new batch over the same memory, with the times.</returns>
    /// <exception cref="CommissionException">
    /// <paramref name="paidAt"/> is not one per order (<see cref="CommissionErrorCodes.InvalidRequest"/>), or an order was paid before
    /// the history's start (<see cref="CommissionErrorCodes.PaidBeforeHistory"/>).
    /// </exception>
    public OrderBatch WithPaidAt(SponsorHistory sponsorChanges, ReadOnlySpan<DateTimeOffset?> paidAt)
    {
        ArgumentNullException.ThrowIfNull(sponsorChanges);
        if (paidAt.Length != Count)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"An order batch of {Count} order(s) needs one payment time per order (null when not known); {paidAt.Length} given.");
        }

        var ticks = new long[paidAt.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = CheckedPaidAt(paidAt[i], sponsorChanges, i, null);
        }

        return WithCheckedPaidAt(sponsorChanges, ticks);
    }

    /// <summary>When an order was paid, in UTC ticks (<see cref="long.MaxValue"/> when not known), checked against the start of the sponsor changes; the order is named by its id when given, else by its position.</summary>
    internal static long CheckedPaidAt(DateTimeOffset? paidAt, SponsorHistory sponsorChanges, int position, string? orderLineId)
    {
        if (paidAt is { } at && at < sponsorChanges.Since)
        {
            var order = orderLineId is null ? $"Order {position} of the batch" : $"Order line '{orderLineId}'";
            throw new CommissionException(CommissionErrorCodes.PaidBeforeHistory, $"{order} was paid at {at:O}, before the start of the sponsor changes given ({sponsorChanges.Since:O}); give the changes from the start of the period it belongs to.");
        }

        return paidAt?.UtcTicks ?? long.MaxValue;
    }
}
