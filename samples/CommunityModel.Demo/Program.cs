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
