using System.Collections.Immutable;
using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Referrals;
using Microsoft.Extensions.Options;

namespace CommunityModel.Simulation;

/// <summary>
/// A seeded, deterministic comparison of the community self-cycle (客户自循环) with the traditional funnel
/// (销售额 = 流量 × 转化率 × 客单价), month by month, both driven through a <see cref="Community"/> so that neither side
/// can win by construction:
/// <list type="bullet">
/// <item>both sides buy the same leads each month at the same rising price (<see cref="TrafficCostCurve"/>);</item>
/// <item>both sell the same products at the community's prices, and the same person decides the same way on both
/// sides (<see cref="GrowthSimulationOptions"/>);</item>
/// <item>only the community side takes referrals (free newcomers bound to their sponsor), sells memberships (priced,
/// discounted, upgraded with credit for the unused term, refunded under cooling-off by the membership plan) and pays
/// commissions (when the factory plugs them in);</item>
/// <item>both report revenue, refunds, traffic cost, commissions and profit after both.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>
/// A month, on a clock the simulator moves itself (from <see cref="GrowthSimulationOptions.Start"/>): on its first
/// day people may leave and memberships ending this month are renewed or left to lapse, then newcomers (the month's
/// bought leads and last month's referrals) take the lead product or are lost; on its second day fans buy the entry
/// course, customers the high-ticket course (members with an entitlement to it use that instead), and customers buy
/// VIP or upgrade to KA; fans and customers may refer a newcomer for next month; on its fourth day some of the month's
/// orders are refunded; at its end the period is closed (expiries, dormancy).
/// </para>
/// <para>
/// Every draw comes from a <see cref="Random"/> made from the seed for each run, which seeds one stream per person;
/// nothing is shared between runs, so a simulator may run on several threads at once.
/// </para>
/// </remarks>
public sealed class GrowthSimulator
{
    private readonly GrowthSimulationOptions _options;
    private readonly ISimulationCommunityFactory _factory;
    private readonly SimulationAssumptions _assumptions;

    /// <summary>Creates a simulator with the default options over seed communities without commissions.</summary>
    public GrowthSimulator()
        : this(new GrowthSimulationOptions())
    {
    }

    /// <summary>Creates a simulator from options (as registered by <c>AddGrowthSimulator</c>).</summary>
    /// <param name="options">The options.</param>
    /// <param name="community">Makes the simulated community; <see langword="null"/> for <see cref="SeedCommunityFactory"/> without commissions.</param>
    /// <exception cref="SimulationException">The options are invalid or name items the community does not sell (<c>simulation.invalid_options</c>).</exception>
    public GrowthSimulator(IOptions<GrowthSimulationOptions> options, ISimulationCommunityFactory? community)
        : this(options?.Value!, community)
    {
    }

    /// <summary>Creates a simulator from options set in code, over seed communities without commissions.</summary>
    /// <param name="options">The options; copied, so later changes do not affect this simulator.</param>
    /// <exception cref="SimulationException">The options are invalid or name items the community does not sell (<c>simulation.invalid_options</c>).</exception>
    public GrowthSimulator(GrowthSimulationOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates a simulator from options set in code.</summary>
    /// <param name="options">The options; copied, so later changes do not affect this simulator.</param>
    /// <param name="community">Makes the simulated community; <see langword="null"/> for <see cref="SeedCommunityFactory"/> without commissions.</param>
    /// <exception cref="SimulationException">The options are invalid or name items the community does not sell (<c>simulation.invalid_options</c>).</exception>
    public GrowthSimulator(GrowthSimulationOptions options, ISimulationCommunityFactory? community)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new GrowthSimulationOptionsValidator().Failures(options);
        if (failures.Count > 0)
        {
            throw Invalid(failures);
        }

        _options = Copy(options);
        _factory = community ?? new SeedCommunityFactory();
        _assumptions = Assume(_options, _factory);
    }

    /// <summary>Every rate and price a run uses; the same as each projection's.</summary>
    public SimulationAssumptions Assumptions => _assumptions;

    /// <summary>Runs the simulation with the options' seed.</summary>
    /// <returns>The projection, month by month.</returns>
    public GrowthProjection Run() => Run(_options.Seed);

    /// <summary>Runs the simulation with another seed (e.g. to see the spread of outcomes).</summary>
    /// <param name="seed">The seed of the draws.</param>
    /// <returns>The projection, month by month.</returns>
    public GrowthProjection Run(int seed)
    {
        var o = _options;
        var clock = new SimulationClock(o.Start);
        var community = _factory.Create(clock);
        var selfCycle = new FunnelSide(community, o, selfCycle: true);
        var funnel = new FunnelSide(Traditional(community, clock), o, selfCycle: false);
        var seeds = new Random(seed);
        var people = new List<SimulatedPerson>();
        var referrers = new List<MemberId>();
        var months = ImmutableArray.CreateBuilder<SimulatedMonth>(o.Months);
        long nextId = 1;
        for (var month = 1; month <= o.Months; month++)
        {
            var start = o.Start.AddMonths(month - 1);
            var next = o.Start.AddMonths(month);
            var newcomers = new List<SimulatedPerson>(o.LeadsPerMonth + referrers.Count);
            for (var i = 0; i < o.LeadsPerMonth; i++)
            {
                newcomers.Add(new SimulatedPerson(new MemberId(nextId++), default, bought: true, seeds.Next()));
            }

            foreach (var sponsor in referrers)
            {
                newcomers.Add(new SimulatedPerson(new MemberId(nextId++), sponsor, bought: false, seeds.Next()));
            }

            var referred = referrers.Count;
            referrers.Clear();
            foreach (var person in people.Concat(newcomers))
            {
                person.DrawMonth();
            }

            // First day: leaving, renewals and lapses; newcomers take the lead product or are lost.
            clock.MoveTo(start.AddHours(1));
            var nextMonthStarts = DateOnly.FromDateTime(next.DateTime);
            foreach (var person in people)
            {
                selfCycle.Keep(person, nextMonthStarts);
                if (person.Bought)
                {
                    funnel.Keep(person, nextMonthStarts);
                }
            }

            var joined = new List<SimulatedPerson>();
            foreach (var person in newcomers)
            {
                var stays = selfCycle.Arrive(person);
                if (person.Bought && funnel.Arrive(person) != stays)
                {
                    throw new InvalidOperationException($"Person {person.Id} decided differently on the two sides.");
                }

                if (stays)
                {
                    joined.Add(person);
                }
            }

            // Second day: courses, memberships and upgrades; referrals for next month.
            clock.MoveTo(start.AddDays(1).AddHours(1));
            var today = DateOnly.FromDateTime(start.AddDays(1).DateTime);
            foreach (var person in people)
            {
                selfCycle.Act(person, today);
                if (person.Bought)
                {
                    funnel.Act(person, today);
                }

                if (selfCycle.Refers(person))
                {
                    referrers.Add(person.Id);
                }
            }

            people.AddRange(joined);

            // Fourth day: refunds inside the cooling-off period; the month's end: expiries and dormancy.
            clock.MoveTo(start.AddDays(3).AddHours(1));
            selfCycle.RefundMonthOrders();
            funnel.RefundMonthOrders();
            clock.MoveTo(next.AddMinutes(-1));
            selfCycle.Close();
            funnel.Close();

            var trafficCost = _assumptions.Traffic.CostOf(o.LeadsPerMonth);
            months.Add(new SimulatedMonth(
                month,
                _assumptions.Traffic.PerLead(o.LeadsPerMonth),
                selfCycle.TakeMonth(o.LeadsPerMonth, referred, trafficCost),
                funnel.TakeMonth(o.LeadsPerMonth, 0, trafficCost),
                selfCycle.ActiveMemberships()));
        }

        return new GrowthProjection(_assumptions with { Seed = seed }, months.MoveToImmutable());
    }

    /// <summary>The traditional funnel: the community's own catalog and prices, no memberships, no commissions.</summary>
    private static Community Traditional(Community community, TimeProvider clock) =>
        new(new ValueChain(new ValueChainOptions(), clock), new ReferralOptions(), new MemberNumberOptions(), clock, catalog: community.Catalog);

    private static SimulationAssumptions Assume(GrowthSimulationOptions o, ISimulationCommunityFactory factory)
    {
        var probe = factory.Create(new SimulationClock(o.Start));
        var problems = new List<string>();
        var catalog = probe.Catalog;
        var plan = probe.Desk?.Plan;
        PricedItem? Product(string setting, string id)
        {
            if (catalog is not null && catalog.TryGetProduct(id, out var product))
            {
                return new PricedItem(product.Id, product.Name, product.Price);
            }

            problems.Add($"{setting} is '{id}'; the community's catalog has no such product.");
            return null;
        }

        (PricedItem Item, Rate Discount)? Tier(string setting, string id)
        {
            if (plan is not null && plan.TryGetTier(id, out var tier))
            {
                return (new PricedItem(tier.Id, tier.Name, tier.Price), tier.ShoppingDiscount);
            }

            problems.Add($"{setting} is '{id}'; the community's membership plan has no such tier.");
            return null;
        }

        var lead = Product("LeadProduct", o.LeadProduct);
        var entry = Product("EntryCourse", o.EntryCourse);
        var highTicket = Product("HighTicketCourse", o.HighTicketCourse);
        var vip = Tier("VipTier", o.VipTier);
        var ka = Tier("KaTier", o.KaTier);
        if (problems.Count > 0)
        {
            throw Invalid(problems);
        }

        var currency = catalog!.Currency;
        return new SimulationAssumptions(
            factory.Description,
            o.Months,
            o.Seed,
            o.Start,
            o.LeadsPerMonth,
            new TrafficCostCurve(Money.Of(o.CostPerLead, currency, RoundingMode.HalfUp), o.TrafficCostElasticity, o.ReferenceLeads),
            lead!,
            entry!,
            highTicket!,
            vip!.Value.Item,
            ka!.Value.Item,
            vip.Value.Discount,
            ka.Value.Discount,
            plan!.CoolingOffDays,
            o.LeadProductRate,
            o.EntryCourseRate,
            o.HighTicketCourseRate,
            o.ChurnRate,
            o.MembershipUptake,
            o.KaUpgradeRate,
            o.RenewalRate,
            o.ReferralRate,
            o.RefundRate);
    }

    private static SimulationException Invalid(IEnumerable<string> problems) =>
        new(ErrorCodes.SimulationInvalidOptions, "The simulation options are invalid: " + string.Join(" ", problems));

    private static GrowthSimulationOptions Copy(GrowthSimulationOptions o) => new()
    {
        Months = o.Months, Seed = o.Seed, Start = o.Start,
        LeadsPerMonth = o.LeadsPerMonth, CostPerLead = o.CostPerLead,
        TrafficCostElasticity = o.TrafficCostElasticity, ReferenceLeads = o.ReferenceLeads,
        LeadProduct = o.LeadProduct.Trim(), EntryCourse = o.EntryCourse.Trim(), HighTicketCourse = o.HighTicketCourse.Trim(),
        VipTier = o.VipTier.Trim(), KaTier = o.KaTier.Trim(),
        LeadProductRate = o.LeadProductRate, EntryCourseRate = o.EntryCourseRate,
        HighTicketCourseRate = o.HighTicketCourseRate, ChurnRate = o.ChurnRate,
        MembershipUptake = o.MembershipUptake, KaUpgradeRate = o.KaUpgradeRate, RenewalRate = o.RenewalRate,
        ReferralRate = o.ReferralRate, RefundRate = o.RefundRate,
    };
}
