using CommunityModel.Commissions.Paying;
namespace CommunityModel.Commissions.Run;

/// <summary>
/// Receives the month-end ledger as it is produced, in canonical order (by buyer index in the network snapshot,
/// then order number, then the plan's line order; see <see cref="CommissionRunLine"/>), one block at a time and
/// never two at once, so the run never holds every line in memory. A block holds whole orders: an order's lines are
/// contiguous and never split over two blocks. Write each block to storage (a file, a bulk insert, a
/// <see cref="Ledger.CommissionLedger.AccrueRun"/> ledger) before returning.
/// </summary>
public interface ICommissionRunSink
{
    /// <summary>
    /// Receives what the lines refer to, once, before the first block: the plan, ranks, network, holder table and the
    /// orders by number, to join each compact line to its order line, rule and beneficiary. Does nothing by default.
    /// </summary>
    /// <param name="context">The run's context.</param>
    void Begin(CommissionRunContext context)
    {
    }

    /// <summary>Receives the next block of lines; the span is only valid during the call.</summary>
    /// <param name="lines">The lines, continuing the canonical order of the previous block.</param>
    void Write(ReadOnlySpan<CommissionRunLine> lines);
}
