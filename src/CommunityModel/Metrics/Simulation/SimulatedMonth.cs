using System.Collections.Immutable;
using CommunityModel.Metrics;

namespace CommunityModel.Metrics.Simulation;

/// <summary>One month of a growth simulation: who arrived, who moved, what sold, what was paid out, and what the traditional formula would have sold on the same budget.</summary>
/// <param name="Month">The month, 1 for the first.</param>
/// <param name="AcquisitionCost">What the bought leads cost: <c>BoughtLeads × CostPerLead</c>.</param>
/// <param name="BoughtLeads">Prospects bought with the budget.</param>
/// <param name="ReferredLeads">Prospects referred by last month's new customers.</param>
/// <param name="NewFans">Prospects who became fans (and took the lead product).</param>
/// <param name="NewCustomers">Fans who became customers (and bought the entry product).</param>
/// <param name="NewMembers">Customers who bought a VIP membership.</param>
/// <param name="NewPartners">Members who upgraded to KA.</param>
/// <param name="Renewals">Memberships (VIP and KA) renewed at their anniversary.</param>
/// <param name="Lapses">Memberships (VIP and KA) not renewed at their anniversary (the holders are lost).</param>
/// <param name="Stages">Where everyone stands at the end of the month.</param>
/// <param name="Sales">The month's sales, one line per <see cref="SimulatedProduct"/> in its order (lines with no units included).</param>
/// <param name="Revenue">The sum of the sales lines.</param>
/// <param name="CommissionPaid">The sum of the lines' commissions.</param>
/// <param name="Traditional">
/// The traditional formula on the same budget, as the metrics report a channel (channel <see cref="TraditionalChannel"/>):
/// traffic = <c>BoughtLeads</c>; buyers = orders = <c>BoughtLeads × FanConversion</c> apportioned to whole people;
/// sales = buyers × <c>LeadMagnetPrice</c> (traffic × conversion × average order value).
/// </param>
public sealed record SimulatedMonth(
    int Month,
    Money AcquisitionCost,
    long BoughtLeads,
    long ReferredLeads,
    long NewFans,
    long NewCustomers,
    long NewMembers,
    long NewPartners,
    long Renewals,
    long Lapses,
    StageCounts Stages,
    ImmutableArray<SimulatedSale> Sales,
    Money Revenue,
    Money CommissionPaid,
    ChannelSales Traditional)
{
    /// <summary>The channel name of <see cref="Traditional"/>: the bought traffic.</summary>
    public const string TraditionalChannel = "bought-traffic";

    /// <summary>The traditional formula's buyers (<c>Traditional.Buyers</c>).</summary>
    public long TraditionalBuyers => Traditional.Buyers;

    /// <summary>The traditional formula's sales (<c>Traditional.Sales</c>).</summary>
    public Money TraditionalRevenue => Traditional.Sales;

    /// <summary>Commission paid as a share of revenue; <see langword="null"/> when nothing sold.</summary>
    public Rate? PayoutRatio => Revenue.IsZero ? null : Rate.Of(CommissionPaid, Revenue);

    /// <summary>Everyone who arrived this month: bought and referred prospects.</summary>
    public long Arrivals => checked(BoughtLeads + ReferredLeads);

    /// <summary>Equal when every field and every sales line are equal.</summary>
    /// <param name="other">The other month.</param>
    /// <returns>Whether the months are equal.</returns>
    public bool Equals(SimulatedMonth? other) =>
        other is not null
        && Month == other.Month && AcquisitionCost == other.AcquisitionCost
        && BoughtLeads == other.BoughtLeads && ReferredLeads == other.ReferredLeads
        && NewFans == other.NewFans && NewCustomers == other.NewCustomers
        && NewMembers == other.NewMembers && NewPartners == other.NewPartners
        && Renewals == other.Renewals && Lapses == other.Lapses && Stages == other.Stages
        && Sales.SequenceEqual(other.Sales)
        && Revenue == other.Revenue && CommissionPaid == other.CommissionPaid
        && Traditional == other.Traditional;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Month, Stages, Revenue, CommissionPaid, TraditionalRevenue);
}
