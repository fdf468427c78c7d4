using CommunityModel.Catalog;
using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using static CommunityModel.Tests.Metrics.Stream;

namespace CommunityModel.Tests.Metrics;

public class MetricsErrorTests
{
    private static readonly MetricsPeriod March = MetricsPeriod.Month(2026, 3);

    [Fact]
    public void A_period_must_end_after_it_starts_and_last_at_most_ten_years()
    {
        var day = new DateOnly(2026, 3, 1);

        Assert.Equal(ErrorCodes.MetricsInvalidPeriod, Assert.Throws<MetricsException>(() => new MetricsPeriod(day, day)).ErrorCode);
        Assert.Equal(ErrorCodes.MetricsInvalidPeriod, Assert.Throws<MetricsException>(() => new MetricsPeriod(day, day.AddDays(-1))).ErrorCode);
        Assert.Equal(ErrorCodes.MetricsInvalidPeriod, Assert.Throws<MetricsException>(() => new MetricsPeriod(day, day.AddDays(MetricsPeriod.MaximumDays + 1))).ErrorCode);
        Assert.Equal(MetricsPeriod.MaximumDays, new MetricsPeriod(day, day.AddDays(MetricsPeriod.MaximumDays)).Days);
        Assert.Equal(ErrorCodes.MetricsInvalidPeriod, Assert.Throws<MetricsException>(() => new CommunityMetrics().Compute([], default)).ErrorCode);
    }

    [Fact]
    public void Events_out_of_order_are_refused_naming_the_event()
    {
        IDomainEvent[] events = [Active(1, At(3, 2)), Active(2, At(3, 1))];

        var error = Assert.Throws<MetricsException>(() => new CommunityMetrics().Compute(events, March));

        Assert.Equal(ErrorCodes.MetricsEventsOutOfOrder, error.ErrorCode);
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<IDomainEvent?> UnusableFacts() => new()
    {
        null,
        new ActivityRecorded(default, At(3, 1)),
        new MemberTransitioned(default, LifecycleStage.Prospect, LifecycleStage.Prospect, LifecycleTrigger.Registered, null, At(3, 1), 1, []),
        new PurchaseMade(1, Money.Cny(0m), "ads", At(3, 1)),
        new PurchaseMade(1, Money.Cny(-5m), "ads", At(3, 1)),
        new PurchaseMade(1, Money.Usd(5m), "ads", At(3, 1)),
        new PurchaseMade(1, Money.Cny(5m), " ", At(3, 1)),
        new TrafficRecorded("ads", -1, At(3, 1)),
        new TrafficRecorded("", 1, At(3, 1)),
        new AttendanceRecorded(1, "", "lead-1", At(3, 1)),
        new AttendanceRecorded(1, "open", " ", At(3, 1)),
        new MembershipTermStarted(1, "VIP", At(3, 2), At(3, 1), At(3, 1)),
        new MembershipTermStarted(1, "", At(3, 1), At(3, 2), At(3, 1)),
        new ReferralRecorded(1, 1, At(3, 1)),
        new ReferralRecorded(default, 1, At(3, 1)),
        new ProductPurchased(1, "o1", "course", ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(5m), Money.Cny(-5m), At(3, 1)),
        new ProductPurchased(1, "o1", "course", ProductKind.OnlineCourse, LadderTier.Entry, Money.Usd(5m), Money.Usd(5m), At(3, 1)),
        new ProductPurchased(1, " ", "course", ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(5m), Money.Cny(5m), At(3, 1)),
        new ProductPurchased(1, "o1", "", ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(5m), Money.Cny(5m), At(3, 1)),
        new ProductPurchased(default, "o1", "course", ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(5m), Money.Cny(5m), At(3, 1)),
        new ProductRefunded(1, "o1", "r1", Money.Cny(0m), At(3, 1)),
        new ProductRefunded(1, "o1", "r1", Money.Usd(5m), At(3, 1)),
        new ProductRefunded(1, "", "r1", Money.Cny(5m), At(3, 1)),
        new ProductRefunded(1, "o1", " ", Money.Cny(5m), At(3, 1)),
        new ProductRefunded(default, "o1", "r1", Money.Cny(5m), At(3, 1)),
    };

    [Theory]
    [MemberData(nameof(UnusableFacts))]
    public void Unusable_facts_are_refused(IDomainEvent? fact)
    {
        IDomainEvent[] events = [Active(7, At(2, 1)), fact!];

        var error = Assert.Throws<MetricsException>(() => new CommunityMetrics().Compute(events, March));

        Assert.Equal(ErrorCodes.MetricsInvalidFact, error.ErrorCode);
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<MetricsOptions>> InvalidOptions() => new()
    {
        { "TimeZone", o => o.TimeZone = "Mars/Olympus" },
        { "TimeZone", o => o.TimeZone = "" },
        { "FirstDayOfWeek", o => o.FirstDayOfWeek = (DayOfWeek)9 },
        { "Currency", o => o.Currency = "RMB" },
        { "FunnelStages", o => o.FunnelStages = [LifecycleStage.Fan] },
        { "FunnelStages", o => o.FunnelStages = [LifecycleStage.Fan, LifecycleStage.Prospect] },
        { "FunnelStages", o => o.FunnelStages = [LifecycleStage.Fan, LifecycleStage.Fan] },
        { "FunnelStages", o => o.FunnelStages = [LifecycleStage.Fan, LifecycleStage.Lapsed] },
        { "ConversionWindowDays", o => o.ConversionWindowDays = 0 },
        { "ActivationSignal", o => o.ActivationSignal = (ActivationSignal)7 },
        { "ActivationStage", o => { o.ActivationSignal = ActivationSignal.StageReached; o.ActivationStage = LifecycleStage.Dormant; } },
        { "ActivationWithinDays", o => o.ActivationWithinDays = 0 },
        { "RenewalGraceDays", o => o.RenewalGraceDays = -1 },
        { "GrossMargin", o => o.GrossMargin = Rate.FromPercent(100.01m) },
        { "GrossMargin", o => o.GrossMargin = Rate.FromPercent(-5) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_refused_naming_the_setting(string setting, Action<MetricsOptions> spoil)
    {
        var options = new MetricsOptions();
        spoil(options);

        var error = Assert.Throws<MetricsException>(() => new CommunityMetrics(options));
        var validation = new MetricsOptionsValidator().Validate(null, options);

        Assert.Equal(ErrorCodes.MetricsInvalidOptions, error.ErrorCode);
        Assert.Contains("invalid: " + setting, error.Message, StringComparison.Ordinal); // set in code: relative to the options
        Assert.True(validation.Failed);
        Assert.StartsWith(setting, Assert.Single(validation.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_every_problem_is_listed_at_once()
    {
        Assert.True(new MetricsOptionsValidator().Validate(null, new MetricsOptions()).Succeeded);
        var bad = new MetricsOptions { TimeZone = "Nowhere", Currency = "XXX1", ConversionWindowDays = -1 };

        Assert.Equal(3, new MetricsOptionsValidator().Validate(null, bad).Failures!.Count());
        Assert.Throws<ArgumentNullException>(() => new CommunityMetrics((MetricsOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new CommunityMetrics().Compute(null!, March));
    }

    [Fact]
    public void A_failed_computation_leaves_the_metrics_usable()
    {
        var metrics = new CommunityMetrics();
        IDomainEvent[] bad = [Active(1, At(3, 2)), Active(2, At(3, 1))];
        Assert.Throws<MetricsException>(() => metrics.Compute(bad, March));

        Assert.Equal(1, metrics.ActiveUsers([Active(1, At(3, 2))], March).Days[1].Dau);
    }
}
