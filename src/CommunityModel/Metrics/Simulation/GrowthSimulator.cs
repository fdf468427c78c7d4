using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// A seeded, deterministic simulation of the community self-cycle (客户自循环), month by month: bought traffic
/// comes in, people move along the value chain (Prospect → Fan → Customer → Member → Partner), buy the product
/// ladder and memberships, renew, upgrade, buy again and refer new prospects, while a commission model pays out.
/// Each month is set beside the traditional formula (销售额 = 流量 × 转化率 × 客单价) on the same budget.
/// </summary>
/// <remarks>
/// <para>
/// The order of a month (rates apply to the people in a stage at its start; a person moves at most one step):
/// new prospects arrive (bought leads and last month's referrals) and become fans or are lost; fans become
/// customers, leave, or stay; customers become members, leave, or stay, and staying customers buy again;
/// memberships at their anniversary renew or lapse; members upgrade to partners; staying members and partners buy
/// again; new customers refer next month's prospects.
/// </para>
/// <para>
/// Whole people throughout: <see cref="SimulationDraws.Sampled"/> draws them from a <see cref="Random"/> made from
/// the seed for each run (never shared), <see cref="SimulationDraws.Expected"/> apportions the expected counts
/// by largest remainder. Money is exact: a line's revenue is its unit price times its units, and its commission
/// the payout model's unit commission times its units. Thread-safe: every run has its own state.
/// </para>
/// </remarks>
public sealed class GrowthSimulator
{
    private const int TermMonths = 12;
    private static readonly SimulatedProduct[] Products = Enum.GetValues<SimulatedProduct>();

    private readonly GrowthSimulationOptions _options;
    private readonly Currency _currency;
    private readonly ImmutableArray<Money> _unitPrices;
    private readonly ImmutableArray<Money> _unitCommissions;

    /// <summary>Creates a simulator with the default options (the seed business) and their level-rate payout.</summary>
    public GrowthSimulator()
        : this(new GrowthSimulationOptions())
    {
    }

    /// <summary>Creates a simulator from options (as registered by <c>AddGrowthSimulator</c>).</summary>
    /// <param name="options">The options.</param>
    /// <param name="payout">The payout model; <see langword="null"/> for <see cref="LevelRatePayout"/> with the options' level rates and cap.</param>
    /// <exception cref="SimulationException">The options are invalid (<c>simulation.invalid_options</c>) or the payout model pays outside zero and the price (<c>simulation.invalid_payout</c>).</exception>
    public GrowthSimulator(IOptions<GrowthSimulationOptions> options, ICommissionPayout? payout)
        : this(options?.Value!, payout)
    {
    }

    /// <summary>Creates a simulator from options set in code, paying the options' level rates (<see cref="LevelRatePayout"/>).</summary>
    /// <param name="options">The options; copied, so later changes do not affect this simulator.</param>
    /// <exception cref="SimulationException">The options are invalid (<c>simulation.invalid_options</c>).</exception>
    public GrowthSimulator(GrowthSimulationOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates a simulator from options set in code.</summary>
    /// <param name="options">The options; copied, so later changes do not affect this simulator.</param>
    /// <param name="payout">The payout model; <see langword="null"/> for <see cref="LevelRatePayout"/> with the options' level rates and cap.</param>
    /// <exception cref="SimulationException">The options are invalid (<c>simulation.invalid_options</c>) or the payout model pays outside zero and the price (<c>simulation.invalid_payout</c>).</exception>
    public GrowthSimulator(GrowthSimulationOptions options, ICommissionPayout? payout)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new GrowthSimulationOptionsValidator().Failures(options);
        if (failures.Count > 0)
        {
            throw new SimulationException(ErrorCodes.SimulationInvalidOptions, "The simulation options are invalid: " + string.Join(" ", failures));
        }

        _options = Copy(options);
        _currency = Currency.FromCode(options.Currency);
        Payout = payout ?? new LevelRatePayout((IEnumerable<Rate>?)_options.LevelRates ?? GrowthSimulationOptions.DefaultLevelRates, _options.PayoutCap);
        if (Payout.PayoutCap is { IsBetweenZeroAndOne: false } cap)
        {
            throw new SimulationException(ErrorCodes.SimulationInvalidPayout, $"Payout model '{Payout.Name}' reports a payout cap of {cap}; a cap must be within 0% and 100%.");
        }

        var vip = Money.Of(options.VipFee, _currency);
        var ka = Money.Of(options.KaFee, _currency);
        _unitPrices =
        [
            Money.Of(options.LeadMagnetPrice, _currency), Money.Of(options.EntryPrice, _currency),
            Money.Of(options.HighTicketPrice, _currency), Money.Of(options.PremiumPrice, _currency),
            vip, vip, ka - vip, ka,
        ];
        _unitCommissions = [.. Products.Select(p => UnitCommission(p, _unitPrices[(int)p]))];
    }

    /// <summary>The payout model commissions are paid by.</summary>
    public ICommissionPayout Payout { get; }

    /// <summary>Runs the simulation with the options' seed.</summary>
    /// <returns>The projection, month by month.</returns>
    public GrowthProjection Run() => Run(_options.Seed);

    /// <summary>Runs the simulation with another seed (e.g. to see the spread of outcomes).</summary>
    /// <param name="seed">The seed of the draws.</param>
    /// <returns>The projection, month by month.</returns>
    public GrowthProjection Run(int seed)
    {
        var o = _options;
        var split = new PopulationSplitter(o.Draws, seed);
        var expected = new PopulationSplitter(SimulationDraws.Expected, 0);
        var leads = (long)decimal.Floor(o.MonthlyBudget / o.CostPerLead);
        var acquisitionCost = Money.Of(o.CostPerLead, _currency).Multiply(leads);
        var members = new long[TermMonths];
        var partners = new long[TermMonths];
        long fans = 0, customers = 0, lost = 0, referred = 0;
        Span<long> three = stackalloc long[3];
        Span<long> units = stackalloc long[Products.Length];
        var months = ImmutableArray.CreateBuilder<SimulatedMonth>(o.Months);
        for (var month = 1; month <= o.Months; month++)
        {
            units.Clear();

            // Prospects arrive and become fans (taking the lead product) or are lost.
            var arrivals = checked(leads + referred);
            var newFans = split.Take(arrivals, o.FanConversion);
            lost += arrivals - newFans;
            units[(int)SimulatedProduct.LeadMagnet] = newFans;

            // Fans buy the entry product, leave, or stay.
            split.Split(fans, o.CustomerConversion, o.FanChurn, three);
            var newCustomers = three[0];
            lost += three[1];
            fans = three[2] + newFans;
            units[(int)SimulatedProduct.Entry] = newCustomers;

            // Customers buy a VIP membership, leave, or stay; staying customers buy again.
            split.Split(customers, o.MemberConversion, o.CustomerChurn, three);
            var newMembers = three[0];
            lost += three[1];
            units[(int)SimulatedProduct.HighTicket] = split.Take(three[2], o.RepurchaseRate);
            customers = three[2] + newCustomers;
            units[(int)SimulatedProduct.VipMembership] = newMembers;

            // Memberships at their anniversary renew or lapse; then members upgrade; staying members and partners buy again.
            var memberRenewals = Anniversary(split, members, o.RenewalRate, ref lost);
            var partnerRenewals = Anniversary(split, partners, o.RenewalRate, ref lost);
            long newPartners = 0;
            for (var age = 0; age < TermMonths; age++)
            {
                var upgraded = split.Take(members[age], o.PartnerConversion);
                members[age] -= upgraded;
                newPartners += upgraded;
            }

            units[(int)SimulatedProduct.HighTicket] += split.Take(Sum(members), o.RepurchaseRate);
            units[(int)SimulatedProduct.Premium] = split.Take(Sum(partners), o.RepurchaseRate);
            units[(int)SimulatedProduct.VipRenewal] = memberRenewals.Renewed;
            units[(int)SimulatedProduct.KaRenewal] = partnerRenewals.Renewed;
            units[(int)SimulatedProduct.KaUpgrade] = newPartners;
            members[0] += newMembers;
            partners[0] += newPartners;

            // New customers refer next month's prospects.
            referred = split.Take(newCustomers, o.ReferralCoefficient);

            var traditionalBuyers = expected.Take(leads, o.FanConversion);
            months.Add(Month(
                month,
                acquisitionCost,
                leads,
                arrivals - leads,
                (newFans, newCustomers, newMembers, newPartners),
                (checked(memberRenewals.Renewed + partnerRenewals.Renewed), checked(memberRenewals.Lapsed + partnerRenewals.Lapsed)),
                new StageCounts(fans, customers, Sum(members), Sum(partners), lost),
                units,
                traditionalBuyers));
        }

        return new GrowthProjection(_currency, o.Draws, seed, Payout.Name, Payout.PayoutCap, months.MoveToImmutable());
    }

    private SimulatedMonth Month(
        int month,
        Money acquisitionCost,
        long bought,
        long referred,
        (long Fans, long Customers, long Members, long Partners) entered,
        (long Renewals, long Lapses) terms,
        StageCounts stages,
        ReadOnlySpan<long> units,
        long traditionalBuyers)
    {
        var sales = new SimulatedSale[Products.Length];
        var revenue = Money.Zero(_currency);
        var commission = Money.Zero(_currency);
        for (var i = 0; i < sales.Length; i++)
        {
            var amount = _unitPrices[i].Multiply(units[i]);
            var paid = _unitCommissions[i].Multiply(units[i]);
            sales[i] = new SimulatedSale(Products[i], units[i], _unitPrices[i], amount, paid);
            revenue += amount;
            commission += paid;
        }

        return new SimulatedMonth(
            month,
            acquisitionCost,
            bought,
            referred,
            entered.Fans,
            entered.Customers,
            entered.Members,
            entered.Partners,
            terms.Renewals,
            terms.Lapses,
            stages,
            [.. sales],
            revenue,
            commission,
            Traditional(bought, traditionalBuyers));
    }

    /// <summary>The traditional formula as a channel of the sales metrics: one lead-product order per buyer.</summary>
    private ChannelSales Traditional(long traffic, long buyers)
    {
        var price = _unitPrices[(int)SimulatedProduct.LeadMagnet];
        return new ChannelSales(
            SimulatedMonth.TraditionalChannel,
            traffic,
            buyers,
            buyers,
            price.Multiply(buyers),
            traffic == 0 ? null : Rate.Of(buyers, traffic),
            buyers == 0 ? null : price);
    }

    /// <summary>Ages the terms a month; those completing a year renew (starting a new term) or lapse.</summary>
    private static (long Renewed, long Lapsed) Anniversary(PopulationSplitter split, long[] terms, Rate renewalRate, ref long lost)
    {
        var due = terms[^1];
        Array.Copy(terms, 0, terms, 1, terms.Length - 1);
        var renewed = split.Take(due, renewalRate);
        terms[0] = renewed;
        lost += due - renewed;
        return (renewed, due - renewed);
    }

    private static long Sum(long[] values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum = checked(sum + value);
        }

        return sum;
    }

    private Money UnitCommission(SimulatedProduct product, Money unitPrice)
    {
        var paid = Payout.CommissionOn(product, unitPrice);
        if (paid.Currency != unitPrice.Currency || paid.IsNegative || paid > unitPrice)
        {
            throw new SimulationException(
                ErrorCodes.SimulationInvalidPayout,
                $"Payout model '{Payout.Name}' pays {paid} on {product} at {unitPrice}; a commission must be in {unitPrice.Currency.Code}, between zero and the price.");
        }

        return paid;
    }

    private static GrowthSimulationOptions Copy(GrowthSimulationOptions o) => new()
    {
        Months = o.Months, Seed = o.Seed, Draws = o.Draws, Currency = o.Currency,
        MonthlyBudget = o.MonthlyBudget, CostPerLead = o.CostPerLead,
        FanConversion = o.FanConversion, CustomerConversion = o.CustomerConversion,
        MemberConversion = o.MemberConversion, PartnerConversion = o.PartnerConversion,
        FanChurn = o.FanChurn, CustomerChurn = o.CustomerChurn, RepurchaseRate = o.RepurchaseRate,
        RenewalRate = o.RenewalRate, ReferralCoefficient = o.ReferralCoefficient,
        LeadMagnetPrice = o.LeadMagnetPrice, EntryPrice = o.EntryPrice, HighTicketPrice = o.HighTicketPrice,
        PremiumPrice = o.PremiumPrice, VipFee = o.VipFee, KaFee = o.KaFee,
        LevelRates = o.LevelRates is null ? null : [.. o.LevelRates], PayoutCap = o.PayoutCap,
    };
}
