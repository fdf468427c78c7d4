using System.Collections.Immutable;
using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Demo;

/// <summary>
/// The month-end commission step: the month's orders in, each order's commission lines out, on the referral network
/// as it stood at the month end. Today the plan is the per-order multi-level plan (<see cref="CommissionCalculator"/>);
/// a team plan (rank differential 级差, peer bonus 平级奖) replaces this one class.
/// </summary>
/// <param name="plan">The plan to pay.</param>
public sealed class MonthEnd(CommissionPlan plan)
{
    private readonly CommissionCalculator _calculator = new(plan);

    /// <summary>The plan paid.</summary>
    public CommissionPlan Plan { get; } = plan;

    /// <summary>Computes the commission of every order of the month.</summary>
    /// <param name="orders">The month's orders, in the order they were paid.</param>
    /// <param name="network">The referral network at the month end.</param>
    /// <returns>One result per order, in the same order: its lines and what the company retains.</returns>
    public ImmutableArray<OrderCommission> Close(IReadOnlyList<CommissionableOrder> orders, NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(network);
        var results = ImmutableArray.CreateBuilder<OrderCommission>(orders.Count);
        foreach (var order in orders)
        {
            results.Add(_calculator.Calculate(order, network));
        }

        return results.MoveToImmutable();
    }
}
