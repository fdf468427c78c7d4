using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Paying;

/// <summary>An order line to compute commission for, as the integrator's order system knows it.</summary>
/// <param name="OrderLineId">The integrator's id of the order line; part of every ledger key.</param>
/// <param name="Buyer">Who bought; its upline earns.</param>
/// <param name="AmountPaid">What the buyer paid for the line.</param>
public sealed record CommissionableOrder(string OrderLineId, MemberId Buyer, Money AmountPaid)
{
    private static readonly ImmutableDictionary<string, MemberId> NoRoles = ImmutableDictionary<string, MemberId>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// When the order was paid: the ledger's freeze period starts then when a month-end run accrues it
    /// (<see cref="Ledger.CommissionLedger.AccrueRun"/>; <see langword="null"/>: the accrual's own paid time), and the
    /// month-end run given the period's sponsor changes attributes the order to the upline its buyer had at that moment.
    /// </summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The line's cost, needed when the plan pays on amount paid minus cost.</summary>
    public Money? Cost { get; init; }

    /// <summary>The product bought; selects product overrides and exclusions.</summary>
    public string? ProductId { get; init; }

    /// <summary>The product-ladder tier (e.g. <c>VIP</c>, <c>KA</c>); selects tier overrides.</summary>
    public string? LadderTier { get; init; }

    /// <summary>The order kind (e.g. <c>GroupBuy</c>, <c>FlashSale</c>); selects exclusions.</summary>
    public string? Kind { get; init; }


    /// <summary>
    /// Who held each organisational role of a combined plan on this line (e.g. <c>division</c>, <c>agent</c>, <c>staff</c>),
    /// by role name with ordinal keys; empty by default. Holders need not be members of the network (staff are employees).
    /// A plan role not named here pays nothing and is reported as unfilled; a name the plan has no role for is an error.
    /// </summary>
    public ImmutableDictionary<string, MemberId> Roles
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value.WithComparers(StringComparer.Ordinal);
        }
    } = NoRoles;

    /// <summary>
    /// The commissionable base of this line under a plan, in minor units: the amount paid, or paid minus cost, never
    /// negative. Checks the line first, so every calculator refuses a bad line the same way.
    /// </summary>
    internal long BaseUnder(string plan, Currency currency, CommissionBase basis)
    {
        if (string.IsNullOrEmpty(OrderLineId))
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"An order line of buyer {Buyer} has no id; the id is part of every ledger key.");
        }

        if (AmountPaid.Currency != currency)
        {
            throw new CommissionException(CommissionErrorCodes.OrderCurrency, $"Order line '{OrderLineId}' is in {AmountPaid.Currency.Code}; plan '{plan}' pays in {currency.Code}.");
        }

        if (AmountPaid.IsNegative)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{OrderLineId}' has a negative amount paid ({AmountPaid}); record refunds in the ledger instead.");
        }

        if (basis == CommissionBase.AmountPaid)
        {
            return AmountPaid.MinorUnits;
        }

        var cost = Cost ?? throw new CommissionException(CommissionErrorCodes.OrderCostMissing, $"Plan '{plan}' pays on amount paid minus cost, and order line '{OrderLineId}' has no cost.");
        return Math.Max(0, AmountPaid.Subtract(cost).MinorUnits);
    }
}
