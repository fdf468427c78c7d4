using CommunityModel.Commissions.Engine;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// A compact batch of orders for the month-end run: the buyer's dense index in the network snapshot and the
/// commissionable base in minor units, position by position (12 bytes an order, no strings). The position is
/// the order's number in the run's ledger. The batch wraps the memory it is given without copying it: do not
/// change it while a run reads it. Orders of products or kinds with their own rewards (overrides, exclusions)
/// carry the <see cref="RewardSchedule"/> resolved once by the plan's <see cref="Team.CompensationPlan.ScheduleFor"/>.
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
    /// Each order's rewards, from the paying plan's <see cref="Team.CompensationPlan.ScheduleFor"/> (typically one instance per
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

    /// <summary>An empty batch.</summary>
    public static OrderBatch Empty { get; } = new(ReadOnlyMemory<int>.Empty, ReadOnlyMemory<long>.Empty);

    /// <summary>The buyer of each order, as a dense index.</summary>
    public ReadOnlyMemory<int> Buyers { get; }

    /// <summary>The base of each order in minor units.</summary>
    public ReadOnlyMemory<long> BaseMinorUnits { get; }

    /// <summary>Each order's schedule (<see langword="null"/>: the plan's own rewards); empty when every order pays the plan's own rewards.</summary>
    public ReadOnlyMemory<RewardSchedule?> Schedules { get; }

    /// <summary>The number of orders.</summary>
    public int Count => Buyers.Length;
}
