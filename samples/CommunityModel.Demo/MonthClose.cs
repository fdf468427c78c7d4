using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Demo;

/// <summary>What a month end paid.</summary>
/// <param name="Run">The month-end run: the ranks it qualified, <see cref="CommissionRunResult.ExplainRank"/>. Its totals include the level lines it computed but did not enter (the community accrued them online).</param>
/// <param name="Earners">The network at the month end with every member's status, as the run paid on it.</param>
/// <param name="Events">The ledger events the month end accrued: differential and peer lines, in the run's canonical order.</param>
/// <param name="LinesByKind">Lines above zero entered per rule kind, indexed by <see cref="CommissionRuleKind"/> (zero for levels).</param>
/// <param name="PaidByKind">Their amounts per rule kind, indexed the same way.</param>
public sealed record MonthClose(CommissionRunResult Run, EarnerRoster Earners, ImmutableArray<IDomainEvent> Events, ImmutableArray<long> LinesByKind, ImmutableArray<Money> PaidByKind)
{
    /// <summary>
    /// Explains one order as it was paid: the per-order calculator over the month's ranks. Its level lines are what the
    /// community accrued online under the order's id; its differential and peer lines are what the month end accrued under
    /// <see cref="MonthEnd.RankLine"/>.
    /// </summary>
    /// <param name="order">An order of the month, under the community's order id.</param>
    /// <returns>The order's explained commission.</returns>
    public OrderCommission Explain(CommissionableOrder order) => new CommissionCalculator(Run.Plan).Calculate(order, Run.Ranks, Earners);
}
