using CommunityModel;

// A first tour of CommunityModel: exact money for a community business.
// The full year of the seed business (lifecycle, memberships, commissions, metrics) grows here issue by issue.
Console.OutputEncoding = System.Text.Encoding.UTF8;
Console.WriteLine("CommunityModel — community commerce (社群商业), exact to the fen");
Console.WriteLine();

var vip = Money.Cny(3600m);
var ka = Money.Cny(120_000m);
Console.WriteLine($"VIP membership: {vip} a year; KA membership: {ka} a year");

// A VIP year allocated over its parts' standalone prices (relative standalone selling price).
(string Name, Money Standalone)[] contents =
[
    ("Online course series 线上课程", Money.Cny(1999m)),
    ("Community service 社群服务", Money.Cny(1299m)),
    ("Two-day offline course 线下课", Money.Cny(2980m)),
];
var alaCarte = Money.Sum(contents.Select(c => c.Standalone), Currency.CNY);
var allocation = vip.Allocate(contents.Select(c => c.Standalone).ToArray());
Console.WriteLine();
Console.WriteLine($"VIP contents à la carte: {alaCarte}; saving {alaCarte - vip} ({Rate.Of(alaCarte - vip, alaCarte):P1})");
for (var i = 0; i < contents.Length; i++)
{
    Console.WriteLine($"  {contents[i].Name,-32} standalone {contents[i].Standalone,12}  revenue {allocation[i],12}");
}

Console.WriteLine($"  {"Total",-32} {"",23}  revenue {Money.Sum(allocation, Currency.CNY),12}");

// Three-level referral rates, paid rounding down so the company never overpays.
Rate[] levels = [Rate.FromPercent(15m), Rate.FromPercent(5m), Rate.FromPercent(2m)];
var order = Money.Cny(3599.99m);
var paid = levels.Select(r => order.Multiply(r, RoundingMode.Down)).ToArray();
var retained = order.Multiply(levels.Aggregate(Rate.Zero, (a, b) => a + b)) - Money.Sum(paid, Currency.CNY);
Console.WriteLine();
Console.WriteLine($"Order {order}: level commissions {string.Join(", ", paid.Select(p => p.ToString()))}; rounding kept by the company: {retained}");

// Splitting a KA fee into twelve monthly revenue parts never loses a fen.
var months = ka.Split(12);
Console.WriteLine($"KA recognised monthly: {months[0]} × 12 = {Money.Sum(months, Currency.CNY)}");

// The seed's activity participation rate: 232 of 1,000 lead-group members attended a public class.
Console.WriteLine($"Participation rate 活动参与率: {Rate.Of(232, 1000)}");

// ── One member along the value chain, with a VIP membership and the commission it pays ──
// (the year-long simulation with charts arrives with the demo issue; this is the short walk.)
Console.WriteLine();
Console.WriteLine("One member's journey 客户价值开发主线");
var clock = new DemoClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)));
var chain = new CommunityModel.Lifecycle.ValueChain(new CommunityModel.Lifecycle.ValueChainOptions(), clock);
var journey = chain.Start(5);
foreach (var trigger in new[]
{
    CommunityModel.Lifecycle.LifecycleTrigger.JoinedLeadGroup,    // 加入引流群
    CommunityModel.Lifecycle.LifecycleTrigger.MadeFirstPurchase,  // a 9.9-yuan trial class
    CommunityModel.Lifecycle.LifecycleTrigger.BoughtMembership,   // VIP 3,600
})
{
    clock.Advance(TimeSpan.FromDays(7));
    journey = chain.Fire(journey.State, trigger);
    Console.WriteLine($"  {journey.Event.OccurredAt:yyyy-MM-dd}  {journey.Event.From,-9} → {journey.Event.To,-9} ({trigger}), version {journey.Event.Version}");
}

var desk = new CommunityModel.Memberships.MembershipDesk(CommunityModel.Memberships.SeedBusiness.CreatePlan(), clock);
var vipCard = desk.Purchase(5, CommunityModel.Memberships.SeedBusiness.Vip);
Console.WriteLine($"  VIP paid through {vipCard.Membership.PaidThrough:yyyy-MM-dd}, {vipCard.Events.Length} events to store, {vipCard.Membership.Entitlements.Length} entitlements granted");

// Member 5 was referred by 4, who was referred by 3, and so on up to 1.
var network = CommunityModel.Referrals.NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);
var commissionPlan = new CommunityModel.Commissions.Plans.CommissionPlanBuilder("three-level")
    .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3))
    .Build();
var commission = new CommunityModel.Commissions.Engine.CommissionCalculator(commissionPlan)
    .Calculate(new CommunityModel.Commissions.Engine.CommissionableOrder("vip-5/1", 5, vipCard.Membership.TotalPaid), network);
foreach (var line in commission.Lines)
{
    Console.WriteLine($"  level {line.Level}: member {line.Beneficiary} earns {line.Amount} ({line.Rule})");
}

Console.WriteLine($"  company retains {commission.CompanyRetained}; paid + retained = {commission.TotalPaid + commission.CompanyRetained}");
var linter = new CommunityModel.Commissions.Compliance.ComplianceLinter();
foreach (var profile in new[] { CommunityModel.Commissions.Compliance.ComplianceProfiles.ChinaThreeLevelDistribution, CommunityModel.Commissions.Compliance.ComplianceProfiles.ChinaDirectSelling })
{
    var findings = linter.Lint(commissionPlan, profile);
    Console.WriteLine($"  compliance, {profile.Name}: {(findings.IsEmpty ? "no findings" : string.Join(" ", findings.Select(f => $"{f.Code} {f.Severity}: {f.Message}")))}");
}

/// <summary>A clock the demo moves by hand, so the walk is the same on every run.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;
}
