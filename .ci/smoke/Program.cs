// The packaging smoke: a consumer outside the solution, on the packed packages. CI runs it twice: as is, and
// under invariant globalization (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, the default of `dotnet new console --aot`),
// where every package's entry types must behave the same.
using CommunityModel;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Lifecycle;
using CommunityModel.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var failures = new List<string>();
void Check(bool ok, string what) { Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}"); if (!ok) { failures.Add(what); } }

// Under invariant globalization only the invariant culture exists: asking for zh-Hans throws, as it did inside the library.
bool invariant;
try { _ = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans"); invariant = false; }
catch (System.Globalization.CultureNotFoundException) { invariant = true; }
Console.WriteLine($"invariant globalization: {invariant}");
var expectInvariant = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT") is "1" or "true";
Check(invariant == expectInvariant, $"the runtime's globalization mode is the one asked for (invariant: {expectInvariant})");

// Money and rates.
var parts = Money.Cny(100m).Split(7);
Check(Money.Sum(parts, Currency.CNY) == Money.Cny(100m), $"Money: {Money.Cny(100m)} into 7 parts sums to {Money.Sum(parts, Currency.CNY)}");
Check(Rate.Parse("1.5‰") == Rate.FromPercent(0.15m) && Money.Cny(3600m).ToString() == "¥3,600.00", $"Rate and formatting: {Rate.Parse("1.5‰")}, {Money.Cny(3600m)}");

// The value chain: display names in both languages, the graph, a transition.
var chain = new ValueChain(new ValueChainOptions(), TimeProvider.System);
Check(ValueChain.DisplayName(LifecycleStage.Member) == new LocalizedName("Member", "会员"), $"ValueChain: {ValueChain.DisplayName(LifecycleStage.Member)}");
Check(chain.ToMermaid().Contains("合伙人 Partner", StringComparison.Ordinal), "ValueChain: the Mermaid export names the stages in Chinese and English");
var fan = chain.Fire(chain.Start(1).State, LifecycleTrigger.JoinedLeadGroup);
Check(fan.State.Stage == LifecycleStage.Fan, $"ValueChain: Prospect → {fan.State.Stage}");

// The per-order calculator on a tiny network.
var network = NetworkSnapshot.Create([new ReferralLink(1, default), new ReferralLink(2, 1), new ReferralLink(3, 2)]);
var plan = new CommissionPlanBuilder("smoke").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build();
var commission = new CommissionCalculator(plan).Calculate(new CommissionableOrder("order-1", 3, Money.Cny(3600m)), network);
Check(commission.TotalPaid == Money.Cny(540m) && commission.Lines.Length == 2 && commission.CompanyRetained == Money.Cny(3060m),
    $"CommissionCalculator: {commission.TotalPaid} paid in {commission.Lines.Length} lines, {commission.CompanyRetained} retained");

// The community with commissions plugged in: a referred VIP order accrues to the sponsor in the ledger.
var community = new CommissionedCommunityFactory(plan).Create(TimeProvider.System);
community.Execute(new RegisterMember(10));
community.Execute(new RegisterMember(11, Sponsor: 10));
var order = community.Execute(new PlaceOrder(11, "o-1001", "vip"));
var accrued = order.EventsOf<CommissionAccrued>().ToList();
Check(community.Member(11).Lifecycle.Stage == LifecycleStage.Member, $"Community: the buyer is now {community.Member(11).Lifecycle.Stage} ({ValueChain.DisplayName(community.Member(11).Lifecycle.Stage).Chinese})");
Check(accrued.Count == 1 && accrued[0].Amount == Money.Cny(360m), $"Community + CommissionLedger: {accrued.Count} accrual(s), {string.Join(", ", accrued.Select(a => a.Amount))}");

// The configuration packages: the same wiring from configuration, and a misspelt key stopping the start.
var settings = new Dictionary<string, string?>
{
    ["Community:Lifecycle:MinimumPartnerReferrals"] = "5",
    ["Commissions:Plan:Name"] = "smoke",
    ["Commissions:Plan:Levels:0:Rate"] = "10%",
    ["Commissions:Ledger:FreezePeriod"] = "7.00:00:00",
};
IServiceProvider Start(Dictionary<string, string?> values)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    var provider = new ServiceCollection()
        .AddCommunityModel(configuration.GetSection("Community"))
        .AddCommissions(configuration.GetSection("Commissions"))
        .BuildServiceProvider();
    provider.GetRequiredService<IStartupValidator>().Validate();
    return provider;
}
var services = Start(settings);
Check(services.GetRequiredService<CommissionPlan>().Levels.Length == 1 && services.GetRequiredService<ValueChain>() is not null, "AddCommunityModel + AddCommissions: bound from configuration and validated");
try
{
    Start(new(settings) { ["Commissions:Ledger:FreezPeriod"] = "1.00:00:00" });
    Check(false, "a misspelt key stops start-up");
}
catch (OptionsValidationException e)
{
    Check(e.Message.Contains("did you mean Commissions:Ledger:FreezePeriod?", StringComparison.Ordinal), $"a misspelt key stops start-up: {e.Message}");
}

Check(CommunityModel.Orleans.Serialization.CommunityModelSerialization.IsLibraryJsonType(typeof(CommunityModel.Referrals.MemberRegistered)), "CommunityModel.Orleans: a library event crosses grain boundaries as its stored JSON");

Console.WriteLine(failures.Count == 0 ? "smoke passed" : $"smoke failed: {string.Join("; ", failures)}");
return failures.Count == 0 ? 0 : 1;
