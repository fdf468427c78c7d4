using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Demo;

/// <summary>What a month end paid.</summary>
/// <param name="Run">The month-end run: the ranks it qualified, its totals by rule kind, <see cref="CommissionRunResult.ExplainRank"/>.</param>
/// <param name="Events">The ledger events the run accrued, in the run's canonical order (by buyer in network order, then order line id).</param>
/// <param name="LinesByKind">Lines above zero (the lines the ledger entered) per rule kind, indexed by <see cref="CommissionRuleKind"/>.</param>
public sealed record MonthClose(CommissionRunResult Run, ImmutableArray<IDomainEvent> Events, ImmutableArray<long> LinesByKind)
{
    /// <summary>Explains one order as the run paid it: the per-order calculator over the run's ranks (each line with its rank, rate and base).</summary>
    /// <param name="order">An order of the month.</param>
    /// <returns>The order's explained commission.</returns>
    public OrderCommission Explain(CommissionableOrder order) => new CommissionCalculator(Run.Plan).Calculate(order, Run.Ranks);
}
