using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Compliance;

/// <summary>The payouts of a finished run, per earner and overall, to check against a profile's cap.</summary>
/// <param name="Earners">Every earner, by member id.</param>
/// <param name="TotalSales">The amount paid for every order line in the run.</param>
/// <param name="TotalPaid">All commission paid in the run.</param>
public sealed record PayoutSummary(ImmutableArray<EarnerPayout> Earners, Money TotalSales, Money TotalPaid)
{
    /// <summary>Total paid ÷ total sales; <see langword="null"/> for a run without sales.</summary>
    public Rate? OverallRatio => TotalSales.IsZero ? null : Rate.Of(TotalPaid, TotalSales);

    /// <summary>
    /// Summarises calculator results. An earner's own sales are the order lines on which it was paid at
    /// level 1: the sales it made directly. Everything else it earned came from its downline's sales.
    /// </summary>
    /// <param name="run">The results of the run.</param>
    /// <param name="currency">The run's currency.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="CurrencyMismatchException">A result is in another currency.</exception>
    public static PayoutSummary FromRun(IEnumerable<OrderCommission> run, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sales = Money.Zero(currency);
        var paid = Money.Zero(currency);
        var earners = new SortedDictionary<MemberId, (Money Own, Money Paid)>();
        foreach (var order in run)
        {
            sales = sales.Add(order.AmountPaid);
            foreach (var line in order.Lines)
            {
                var (own, earned) = earners.GetValueOrDefault(line.Beneficiary, (Money.Zero(currency), Money.Zero(currency)));
                earners[line.Beneficiary] = (line.Level == 1 ? own.Add(order.AmountPaid) : own, earned.Add(line.Amount));
                paid = paid.Add(line.Amount);
            }
        }

        return new PayoutSummary([.. earners.Select(e => new EarnerPayout(e.Key, e.Value.Own, e.Value.Paid))], sales, paid);
    }
}
