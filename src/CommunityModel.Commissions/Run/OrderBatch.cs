namespace CommunityModel.Commissions.Run;

/// <summary>
/// A compact batch of orders for the month-end run: the buyer's dense index in the network snapshot and the
/// commissionable base in minor units, position by position (12 bytes an order, no strings). The position is
/// the order's number in the run's ledger. The batch wraps the memory it is given without copying it: do not
/// change it while a run reads it.
/// </summary>
public sealed class OrderBatch
{
    /// <summary>Wraps buyers and bases.</summary>
    /// <param name="buyers">The buyer of each order, as a dense index of the run's network snapshot.</param>
    /// <param name="baseMinorUnits">The commissionable base of each order in minor units of the plan's currency, zero or more.</param>
    /// <exception cref="CommissionException">The two are not the same length, or a base is negative (<see cref="CommissionErrorCodes.InvalidRequest"/>).</exception>
    public OrderBatch(ReadOnlyMemory<int> buyers, ReadOnlyMemory<long> baseMinorUnits)
    {
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
    }

    /// <summary>An empty batch.</summary>
    public static OrderBatch Empty { get; } = new(ReadOnlyMemory<int>.Empty, ReadOnlyMemory<long>.Empty);

    /// <summary>The buyer of each order, as a dense index.</summary>
    public ReadOnlyMemory<int> Buyers { get; }

    /// <summary>The base of each order in minor units.</summary>
    public ReadOnlyMemory<long> BaseMinorUnits { get; }

    /// <summary>The number of orders.</summary>
    public int Count => Buyers.Length;
}
