using System.Collections.Immutable;
using System.Globalization;

namespace CommunityModel.Simulation;

/// <summary>
/// Every number a growth projection rests on: the run, the traffic and its cost curve, each item at the community's
/// price, the membership rules that move money (shopping discounts, cooling-off) and every rate. Print
/// <see cref="ToLines"/> beside the result, so no projection is shown without what it assumed.
/// </summary>
/// <param name="Community">What the simulated community is, as its factory describes it (plan, commissions).</param>
/// <param name="Months">Months simulated.</param>
/// <param name="Seed">The seed of the draws.</param>
/// <param name="Start">When the first month started.</param>
/// <param name="LeadsPerMonth">Leads bought each month by each side.</param>
/// <param name="Traffic">What the leads cost.</param>
/// <param name="LeadProduct">The lead product.</param>
/// <param name="EntryCourse">The entry course.</param>
/// <param name="HighTicketCourse">The high-ticket course.</param>
/// <param name="Vip">The VIP tier (community side only).</param>
/// <param name="Ka">The KA tier (community side only); an upgrade is charged by the membership plan, less the credit for the unused VIP term.</param>
/// <param name="VipDiscount">The VIP tier's shopping discount on products.</param>
/// <param name="KaDiscount">The KA tier's shopping discount on products.</param>
/// <param name="CoolingOffDays">The membership plan's cooling-off period, in days (a refund inside it returns the full fee).</param>
/// <param name="LeadProductRate">Newcomers taking the lead product.</param>
/// <param name="EntryCourseRate">Fans buying the entry course, monthly.</param>
/// <param name="HighTicketCourseRate">Customers buying the high-ticket course, monthly.</param>
/// <param name="ChurnRate">Fans and customers leaving, monthly.</param>
/// <param name="MembershipUptake">Customers buying VIP, monthly.</param>
/// <param name="KaUpgradeRate">VIP members upgrading to KA, monthly.</param>
/// <param name="RenewalRate">Memberships renewed when their term ends.</param>
/// <param name="ReferralRate">Fans and customers bringing a newcomer, monthly.</param>
/// <param name="RefundRate">Orders refunded inside the cooling-off period.</param>
public sealed record SimulationAssumptions(
    string Community,
    int Months,
    int Seed,
    DateTimeOffset Start,
    int LeadsPerMonth,
    TrafficCostCurve Traffic,
    PricedItem LeadProduct,
    PricedItem EntryCourse,
    PricedItem HighTicketCourse,
    PricedItem Vip,
    PricedItem Ka,
    Rate VipDiscount,
    Rate KaDiscount,
    int CoolingOffDays,
    Rate LeadProductRate,
    Rate EntryCourseRate,
    Rate HighTicketCourseRate,
    Rate ChurnRate,
    Rate MembershipUptake,
    Rate KaUpgradeRate,
    Rate RenewalRate,
    Rate ReferralRate,
    Rate RefundRate)
{
    /// <summary>The assumptions as printable lines, one per assumption, in a fixed order.</summary>
    /// <returns>The lines.</returns>
    public ImmutableArray<string> ToLines() =>
    [
        $"Community: {Community}",
        string.Create(CultureInfo.InvariantCulture, $"Run: {Months} months from {Start:yyyy-MM-dd}, seed {Seed}"),
        string.Create(CultureInfo.InvariantCulture, $"Bought leads: {LeadsPerMonth:N0} a month, each side alike"),
        $"Cost per lead: {Traffic}",
        $"Lead product: {LeadProduct}",
        $"Entry course: {EntryCourse}",
        $"High-ticket course: {HighTicketCourse}",
        $"VIP (community only): {Vip}, shopping discount {VipDiscount}",
        $"KA (community only): {Ka}, shopping discount {KaDiscount}; upgrade charged less the credit for the unused VIP term",
        string.Create(CultureInfo.InvariantCulture, $"Cooling-off: {CoolingOffDays} days"),
        $"Take the lead product on arrival: {LeadProductRate}",
        $"Buy the entry course: {EntryCourseRate} a month",
        $"Buy the high-ticket course: {HighTicketCourseRate} a month",
        $"Leave: {ChurnRate} a month",
        $"Buy VIP (community only): {MembershipUptake} a month",
        $"Upgrade to KA (community only): {KaUpgradeRate} a month",
        $"Renew at term end (community only): {RenewalRate}",
        $"Refer a newcomer (community only): {ReferralRate} a month",
        $"Refund an order: {RefundRate}",
    ];
}
