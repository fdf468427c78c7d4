using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;

namespace CommunityModel.Commissions.Compliance;

/// <summary>
/// The payouts of a finished run, per earner and overall, to check against a profile's cap. Every line is read by its
/// rule kind: an order line is an earner's own sale when the earner is its direct seller — paid at level 1 as the
/// buyer's sponsor (not past an ineligible sponsor), or the buyer itself paid its own rank's differential
/// (<see cref="CommissionPlan.SellerEarnsOwnRank"/>). Levels 2–3, the differential above the buyer and the peer bonus
/// are pay on the team's sales. Role and staff lines pay the company's employees and organisation, not distributors:
/// they are left out of <see cref="Earners"/> and <see cref="TotalPaid"/> and counted in <see cref="EmployeePaid"/>.
/// </summary>
/// <param name="Earners">Every distributor earner, by member id.</param>
/// <param name="TotalSales">The amount paid for every order line in the run.</param>
/// <param name="TotalPaid">All commission paid to distributors in the run (role and staff lines left out).</param>
public sealed record PayoutSummary(ImmutableArray<EarnerPayout> Earners, Money TotalSales, Money TotalPaid)
{
    /// <summary>Total paid ÷ total sales; <see langword="null"/> for a run without sales.</summary>
    public Rate? OverallRatio => TotalSales.IsZero ? null : Rate.Of(TotalPaid, TotalSales);

    /// <summary>What role and staff lines paid the company's employees and organisation, left out of every distributor check.</summary>
    public Money EmployeePaid { get; init; }

    /// <summary>
    /// Summarises calculator results by rule kind (see <see cref="PayoutSummary"/>): an order line counts once toward an
    /// earner's own sales, at its amount paid, when the earner is its direct seller.
    /// </summary>
    /// <param name="run">The results of the run.</param>
    /// <param name="currency">The run's currency.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="CurrencyMismatchException">A result is in another currency.</exception>
    public static PayoutSummary FromRun(IEnumerable<OrderCommission> run, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(run);
        var tally = new Tally(currency);
        foreach (var order in run)
        {
            ArgumentNullException.ThrowIfNull(order, nameof(run));
            tally.Sale(order.AmountPaid);
            foreach (var line in order.Lines)
            {
                // A level-1 line compressed past an ineligible sponsor pays an upline that did not make the sale.
                tally.Line(line.Kind, line.Beneficiary, line.Amount, IsOwnSale(line.Kind, line.Ordinal, line.Beneficiary == order.Buyer, line.CompressedPast.IsEmpty), order.AmountPaid);
            }
        }

        return tally.Summary();
    }

    /// <summary>
    /// Summarises a month-end run over a compact batch from its lines (<see cref="CommissionRunLine"/>s, e.g. kept by its
    /// sink), by rule kind as for calculator results: own sales are measured by the commissionable base, and a level-1 line
    /// is an own sale when its beneficiary is the buyer's sponsor in the run's network.
    /// </summary>
    /// <param name="result">The run's result: its plan and network.</param>
    /// <param name="orders">The batch the run paid; a line's order number is its position.</param>
    /// <param name="lines">The run's lines, in any order.</param>
    /// <returns>The summary, in the plan's currency.</returns>
    /// <exception cref="CommissionException">A line names an order or member outside the batch or network (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    public static PayoutSummary FromRun(CommissionRunResult result, OrderBatch orders, IEnumerable<CommissionRunLine> lines)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(lines);
        var network = result.Ranks.Network;
        var currency = result.Plan.Currency;
        var buyers = orders.Buyers;
        var bases = orders.BaseMinorUnits;
        var tally = new Tally(currency);
        for (var i = 0; i < bases.Length; i++)
        {
            tally.Sale(Money.FromMinorUnits(bases.Span[i], currency));
        }

        foreach (var line in lines)
        {
            var employee = line.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role;
            if ((uint)line.Order >= (uint)orders.Count || (!employee && (uint)line.Beneficiary >= (uint)network.Count))
            {
                throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"A line names order {line.Order} and beneficiary {line.Beneficiary}; the batch has {orders.Count} order(s) and the network {network.Count} member(s).");
            }

            var buyer = buyers.Span[line.Order];
            var beneficiary = employee ? result.HolderAt(line.Beneficiary) : network.MemberAt(line.Beneficiary);
            var own = !employee && IsOwnSale(line.Kind, line.Ordinal, line.Beneficiary == buyer, network.ParentAt(buyer) == line.Beneficiary);
            tally.Line(line.Kind, beneficiary, Money.FromMinorUnits(line.Amount, currency), own, Money.FromMinorUnits(bases.Span[line.Order], currency), line.Order);
        }

        return tally.Summary();
    }

    // The direct seller's lines: level 1 paid to the buyer's sponsor (or to the buyer itself, 自购返佣), or the buyer's own rank's differential.
    private static bool IsOwnSale(CommissionRuleKind kind, int ordinal, bool earnerIsBuyer, bool earnerIsSponsor) =>
        (kind == CommissionRuleKind.Level && ordinal == 1 && (earnerIsSponsor || earnerIsBuyer)) || (kind == CommissionRuleKind.Differential && earnerIsBuyer);

    /// <summary>Sums sales, distributors' pay and own sales (each order line once per earner), and employees' pay.</summary>
    private sealed class Tally(Currency currency)
    {
        private readonly SortedDictionary<MemberId, (Money Own, Money Paid)> _earners = [];
        private readonly HashSet<(int Order, MemberId Earner)> _sold = [];
        private Money _sales = Money.Zero(currency);
        private Money _paid = Money.Zero(currency);
        private Money _employees = Money.Zero(currency);
        private int _order = -1;

        public void Sale(Money amount)
        {
            _sales = _sales.Add(amount);
            _order++;
        }

        public void Line(CommissionRuleKind kind, MemberId earner, Money amount, bool ownSale, Money sale, int order = -1)
        {
            if (kind is CommissionRuleKind.Staff or CommissionRuleKind.Role)
            {
                _employees = _employees.Add(amount);
                return;
            }

            var (own, paid) = _earners.GetValueOrDefault(earner, (Money.Zero(currency), Money.Zero(currency)));
            var counts = ownSale && _sold.Add((order < 0 ? _order : order, earner));
            _earners[earner] = (counts ? own.Add(sale) : own, paid.Add(amount));
            _paid = _paid.Add(amount);
        }

        public PayoutSummary Summary() =>
            new([.. _earners.Select(e => new EarnerPayout(e.Key, e.Value.Own, e.Value.Paid))], _sales, _paid) { EmployeePaid = _employees };
    }
}
