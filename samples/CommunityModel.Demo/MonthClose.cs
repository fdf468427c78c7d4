using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo;

/// <summary>What a month end paid.</summary>
/// <param name="Commissions">Every order's commission, in the order the orders were given: what the ledger accrues.</param>
/// <param name="Explained">For a team plan, every order's explained lines (none, with the reason, for an excluded product or kind) (levels, differential, peer; each with its rank and rate); empty for a levels-only plan.</param>
/// <param name="Run">For a team plan, the month-end run: the ranks it qualified, its totals by rule kind, <see cref="CommissionRunResult.ExplainRank"/>; <see langword="null"/> otherwise.</param>
/// <param name="RunLines">For a team plan, the ledger the run streamed to its sink, in the run's canonical order (by buyer in network order, then order line id); empty otherwise.</param>
public sealed record MonthClose(
    ImmutableArray<OrderCommission> Commissions,
    ImmutableArray<OrderCommission> Explained,
    CommissionRunResult? Run,
    ImmutableArray<CommissionRunLine> RunLines)
{
    /// <summary>The run's streamed lines as (order line, beneficiary, kind, amount), zero lines left out, by order line id (ordinal), each order's lines in the plan's order.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<(string OrderLine, MemberId Beneficiary, CommissionRuleKind Kind, Money Amount)> RunLinesExplained()
    {
        if (Run is null)
        {
            yield break;
        }

        // The run's order numbers are the ordinal order of the ids; a stable sort keeps each order's lines in the plan's order.
        foreach (var line in RunLines.Where(l => l.Amount > 0).OrderBy(l => l.Order))
        {
            yield return (Run.OrderLineIdAt(line.Order)!, Run.Ranks.Network.MemberAt(line.Beneficiary), line.Kind, Money.FromMinorUnits(line.Amount, Run.Plan.Currency));
        }
    }

    /// <summary>The explained lines in the same shape and order as <see cref="RunLinesExplained"/>.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<(string OrderLine, MemberId Beneficiary, CommissionRuleKind Kind, Money Amount)> ExplainedLines() =>
        Explained.OrderBy(c => c.OrderLineId, StringComparer.Ordinal)
            .SelectMany(c => c.Lines.Where(l => l.Amount.IsPositive).Select(l => (c.OrderLineId, l.Beneficiary, l.Kind, l.Amount)));

    /// <summary>Throws when the run paid other lines than the calculator explains: the month end never books a line it cannot explain.</summary>
    /// <exception cref="InvalidOperationException">The two disagree.</exception>
    internal void CheckRunAgreesWithExplanations()
    {
        if (Run is null)
        {
            return;
        }

        var run = RunLinesExplained().ToList();
        var explained = ExplainedLines().ToList();
        var at = Enumerable.Range(0, Math.Max(run.Count, explained.Count)).FirstOrDefault(i => i >= run.Count || i >= explained.Count || run[i] != explained[i], -1);
        if (at >= 0)
        {
            var ran = at < run.Count ? run[at].ToString() : "nothing";
            var calculated = at < explained.Count ? explained[at].ToString() : "nothing";
            throw new InvalidOperationException($"The month-end run and the per-order calculator paid different lines: line {at} is {ran} in the run and {calculated} by the calculator.");
        }
    }
}
