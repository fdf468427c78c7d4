using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Engine;

/// <summary>
/// The per-order calculator of a multi-level plan, for the online path (a CRM at checkout): walks the
/// buyer's upline on a <see cref="NetworkSnapshot"/> and pays each level by the plan.
/// </summary>
/// <remarks>
/// <para>
/// Rules, in order: an excluded product or order kind earns nothing; the base is the amount paid (or
/// paid minus cost), never negative; walking up from the buyer's sponsor, an eligible upline takes the
/// next level; an ineligible one (suspended, inactive, or not a promoter when the plan says so)
/// forfeits its level or is compressed past, by the plan; a fixed amount wins over a rate; a rate's
/// product is rounded by the plan (down by default); no line exceeds what is left of the base. What
/// no one earns stays with the company: <c>sum(lines) + retained == base</c>, exactly.
/// </para>
/// <para>
/// Stateless and thread-safe. The walk works on dense indices and minor units and allocates only the
/// result. Attribution is fixed here: the result names its beneficiaries, and later re-binding never
/// moves money already computed.
/// </para>
/// </remarks>
public sealed class CommissionCalculator
{
    private const EarnerStatus Barred = EarnerStatus.Suspended | EarnerStatus.Inactive;

    /// <summary>Creates a calculator for a plan.</summary>
    /// <param name="plan">The plan.</param>
    public CommissionCalculator(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
    }

    /// <summary>The plan this calculator pays.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>Computes the commission of an order line; every member counts as active and none as a designated promoter.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="network">The referral network at order time.</param>
    /// <returns>The commission, with every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Calculate(order, network, null);
    }

    /// <summary>Computes the commission of an order line, skipping uplines the roster says may not earn.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="earners">The network at order time with every member's status.</param>
    /// <returns>The commission, with every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCommission Calculate(CommissionableOrder order, EarnerRoster earners)
    {
        ArgumentNullException.ThrowIfNull(earners);
        return Calculate(order, earners.Network, earners);
    }

    private OrderCommission Calculate(CommissionableOrder order, NetworkSnapshot network, EarnerRoster? earners)
    {
        ArgumentNullException.ThrowIfNull(order);
        var plan = Plan;
        var currency = plan.Currency;
        var baseMinor = BaseOf(order);
        var baseAmount = Money.FromMinorUnits(baseMinor, currency);
        var exclusion = ExclusionOf(order);
        var buyer = network.IndexOf(order.Buyer);
        if (exclusion is not null || baseMinor == 0)
        {
            return new OrderCommission(order.OrderLineId, order.Buyer, plan.Name, order.AmountPaid, baseAmount, [], baseAmount, [], exclusion);
        }

        var productRewards = Overrides(plan.ProductOverrides, order.ProductId);
        var tierRewards = Overrides(plan.TierOverrides, order.LadderTier);
        var compress = plan.IneligibleUpline == IneligibleUplinePolicy.Compress;
        var promotersOnly = plan.Earners == EarnerEligibility.DesignatedPromoters;
        var levels = plan.Levels.Length;

        var pending = default(PendingLines);
        var forfeits = default(PendingForfeits);
        int paid = 0, forfeited = 0;
        long remaining = baseMinor;
        var upline = network.ParentAt(buyer);
        var compressedFrom = upline;
        var compressedCount = 0;
        for (var level = 1; level <= levels && upline >= 0 && remaining > 0;)
        {
            var status = earners is null ? EarnerStatus.None : earners.StatusAt(upline);
            var eligible = (status & Barred) == 0 && (!promotersOnly || (status & EarnerStatus.Promoter) != 0);
            if (eligible)
            {
                var (reward, source) = plan.RewardFor(level, productRewards, tierRewards);
                var amount = Math.Min(remaining, AmountOf(reward, baseAmount, plan.Rounding));
                if (amount > 0)
                {
                    pending[paid++] = new Pending(upline, amount, level, reward, source, compressedFrom, compressedCount);
                    remaining -= amount;
                }

                level++;
                upline = network.ParentAt(upline);
                compressedFrom = upline;
                compressedCount = 0;
            }
            else if (compress)
            {
                compressedCount++;
                upline = network.ParentAt(upline);
            }
            else
            {
                forfeits[forfeited++] = new ForfeitedLevel(level, network.MemberAt(upline), status);
                level++;
                upline = network.ParentAt(upline);
                compressedFrom = upline;
            }
        }

        var lines = new CommissionLine[paid];
        for (var i = 0; i < paid; i++)
        {
            var p = pending[i];
            lines[i] = new CommissionLine(
                order.OrderLineId,
                plan.RuleId(p.Level),
                p.Level,
                network.MemberAt(p.Beneficiary),
                p.Reward,
                p.Source,
                baseAmount,
                Money.FromMinorUnits(p.Amount, currency),
                Compressed(network, p.CompressedFrom, p.CompressedCount));
        }

        var forfeitedLevels = forfeited == 0 ? [] : ImmutableCollectionsMarshal.AsImmutableArray(((ReadOnlySpan<ForfeitedLevel>)forfeits)[..forfeited].ToArray());
        return new OrderCommission(
            order.OrderLineId,
            order.Buyer,
            plan.Name,
            order.AmountPaid,
            baseAmount,
            ImmutableCollectionsMarshal.AsImmutableArray(lines),
            Money.FromMinorUnits(remaining, currency),
            forfeitedLevels,
            null);
    }

    private long BaseOf(CommissionableOrder order)
    {
        if (string.IsNullOrEmpty(order.OrderLineId))
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"An order line of buyer {order.Buyer} has no id; the id is part of every ledger key.");
        }

        if (order.AmountPaid.Currency != Plan.Currency)
        {
            throw new CommissionException(CommissionErrorCodes.OrderCurrency, $"Order line '{order.OrderLineId}' is in {order.AmountPaid.Currency.Code}; plan '{Plan.Name}' pays in {Plan.Currency.Code}.");
        }

        if (order.AmountPaid.IsNegative)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{order.OrderLineId}' has a negative amount paid ({order.AmountPaid}); record refunds in the ledger instead.");
        }

        if (Plan.Base == CommissionBase.AmountPaid)
        {
            return order.AmountPaid.MinorUnits;
        }

        var cost = order.Cost ?? throw new CommissionException(CommissionErrorCodes.OrderCostMissing, $"Plan '{Plan.Name}' pays on amount paid minus cost, and order line '{order.OrderLineId}' has no cost.");
        return Math.Max(0, order.AmountPaid.Subtract(cost).MinorUnits);
    }

    private string? ExclusionOf(CommissionableOrder order)
    {
        if (order.ProductId is { } product && Plan.ExcludedProducts.Count > 0 && Plan.ExcludedProducts.Contains(product))
        {
            return $"Product '{product}' earns no commission under plan '{Plan.Name}'.";
        }

        return order.Kind is { } kind && Plan.ExcludedOrderKinds.Count > 0 && Plan.ExcludedOrderKinds.Contains(kind)
            ? $"Orders of kind '{kind}' earn no commission under plan '{Plan.Name}'."
            : null;
    }

    private static ImmutableArray<LevelReward?> Overrides(IReadOnlyDictionary<string, ImmutableArray<LevelReward?>> overrides, string? key) =>
        key is not null && overrides.Count > 0 && overrides.TryGetValue(key, out var rewards) ? rewards : default;

    private static long AmountOf(LevelReward reward, Money baseAmount, RoundingMode rounding)
    {
        if (reward.FixedAmount is { } fixedAmount)
        {
            return fixedAmount.MinorUnits;
        }

        // Base and rate are never negative (validated). When base × mantissa fits 64 bits, divide in
        // 64 bits with the core's rounding; otherwise take Money's exact 128-bit path. Same result.
        if (reward.RateDivisor != 0)
        {
            var high = Math.BigMul((ulong)baseAmount.MinorUnits, reward.RateMantissa, out var low);
            if (high == 0)
            {
                return (long)MinorUnitArithmetic.RoundQuotient(low, reward.RateDivisor, rounding);
            }
        }

        return baseAmount.Multiply(reward.Rate.GetValueOrDefault(), rounding).MinorUnits;
    }

    private static ImmutableArray<MemberId> Compressed(NetworkSnapshot network, int from, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var members = new MemberId[count];
        for (var i = 0; i < count; i++, from = network.ParentAt(from))
        {
            members[i] = network.MemberAt(from);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(members);
    }

    private readonly record struct Pending(int Beneficiary, long Amount, int Level, LevelReward Reward, RewardSource Source, int CompressedFrom, int CompressedCount);

    [InlineArray(CommissionPlan.MaxLevels)]
    private struct PendingLines
    {
        private Pending _element;
    }

    [InlineArray(CommissionPlan.MaxLevels)]
    private struct PendingForfeits
    {
        private ForfeitedLevel _element;
    }
}
