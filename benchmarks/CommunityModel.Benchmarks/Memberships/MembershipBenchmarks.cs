using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CommunityModel.Memberships;

namespace CommunityModel.Benchmarks.Memberships;

/// <summary>
/// What a CRM pays per request to quote and price memberships of the seed business: the bundle
/// quote (baseline), the IFRS 15 revenue split, the VIP → KA upgrade and the refund quotes, and a
/// whole purchase with its events. Each should cost microseconds, not milliseconds.
/// </summary>
[MemoryDiagnoser]
public class MembershipBenchmarks
{
    private readonly MembershipPlan _plan = SeedBusiness.CreatePlan();
    private MembershipDesk _desk = null!;
    private Membership _vip = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        _desk = new MembershipDesk(_plan, clock);
        _vip = _desk.Consume(_desk.Purchase(1024, SeedBusiness.Vip).Membership, SeedBusiness.OfflineCourse, "attendance-1").Membership;
        clock.Now = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
    }

    [Benchmark(Baseline = true, Description = "KA quote: à la carte vs bundle")]
    public TierQuote QuoteTier() => _plan[SeedBusiness.Ka].Quote();

    [Benchmark(Description = "KA revenue split over 6 entitlements")]
    public ImmutableArray<RevenueLine> AllocateRevenue() => _plan[SeedBusiness.Ka].AllocateRevenue(Money.Cny(120_000m));

    [Benchmark(Description = "VIP → KA upgrade quote")]
    public UpgradeQuote QuoteUpgrade() => _desk.QuoteUpgrade(_vip, SeedBusiness.Ka);

    [Benchmark(Description = "Refund quote")]
    public RefundQuote QuoteRefund() => _desk.QuoteRefund(_vip);

    [Benchmark(Description = "VIP purchase with its events")]
    public MembershipChange Purchase() => _desk.Purchase(2048, SeedBusiness.Vip);

    [Benchmark(Description = "VIP → KA upgrade with its events")]
    public MembershipChange Upgrade() => _desk.Upgrade(_vip, SeedBusiness.Ka);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
