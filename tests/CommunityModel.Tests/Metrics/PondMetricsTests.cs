using CommunityModel.Catalog;
using CommunityModel.Metrics;

namespace CommunityModel.Tests.Metrics;

/// <summary>Ponds (鱼塘): lead groups with a theme and a bait, their funnel and participation.</summary>
public class PondMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 20, 0, 0, TimeSpan.FromHours(8));

    private static ProductPurchased Sale(MemberId buyer, string orderId, string product, decimal yuan) =>
        new(buyer, orderId, product, ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(yuan), Money.Cny(yuan), At.AddHours(1));

    [Fact]
    public void A_ponds_funnel_runs_from_members_to_attendees_to_bait_to_the_course()
    {
        var java = new LeadGroup("java-intro", 10) { Theme = "JAVA 入门", Bait = "trial-class" };
        var exam = new LeadGroup("exam", 5) { Theme = "小升初真题" };
        IDomainEvent[] events =
        [
            .. new MemberId[] { 1, 2, 3, 4 }.Select(m => new AttendanceRecorded(m, "open-class", "java-intro", At)),
            new AttendanceRecorded(1, "open-class-2", "java-intro", At.AddDays(1)), // twice: once
            new AttendanceRecorded(6, "exam-class", "exam", At),
            new AttendanceRecorded(7, "other", "not-a-pond", At),
            Sale(1, "o-1", "trial-class", 9.90m), Sale(2, "o-2", "trial-class", 9.90m), Sale(3, "o-3", "trial-class", 9.90m),
            Sale(1, "o-4", "offline-course", 2980m),
            Sale(5, "o-5", "offline-course", 2980m), // never came to the pond
            Sale(6, "o-6", "trial-class", 9.90m),     // the exam pond has no bait: a purchase beyond it
        ];

        var lines = PondMetrics.Compute([java, exam], events, Currency.CNY);

        Assert.Equal((4L, Rate.FromPercent(40m), 3L, Rate.FromPercent(75m), 1L, Rate.FromPercent(25m), Money.Cny(2980m)),
            (lines[0].Attendees, lines[0].Participation, lines[0].BaitBuyers, lines[0].BaitRate, lines[0].Converted, lines[0].Conversion, lines[0].Revenue));
        Assert.Equal("JAVA 入门", lines[0].Pond.Theme);
        Assert.Equal((1L, Rate.FromPercent(20m), 0L, 1L, Money.Cny(9.90m)), (lines[1].Attendees, lines[1].Participation, lines[1].BaitBuyers, lines[1].Converted, lines[1].Revenue));
    }

    [Fact]
    public void A_ponds_figures_from_its_events_as_stored_and_read_back_are_its_live_figures()
    {
        // A pond keeps no state of its own: its figures are computed from the community's events, so the stored form of
        // those events must carry all it reads (the group of an attendance, the product and price of a sale).
        var serializer = new CommunityModel.Persistence.EventSerializer(new CommunityModel.Persistence.EventTypeRegistry(CommunityModel.Persistence.CommunityEventTypes.All));
        var java = new LeadGroup("java-intro", 10) { Theme = "JAVA 入门", Bait = "trial-class" };
        IDomainEvent[] events =
        [
            new AttendanceRecorded(1, "open-class", "java-intro", At), new AttendanceRecorded(2, "open-class", "java-intro", At),
            Sale(1, "o-1", "trial-class", 9.90m), Sale(1, "o-2", "offline-course", 2980m), Sale(2, "o-3", "trial-class", 9.90m),
        ];
        var live = PondMetrics.Compute([java], events, Currency.CNY);

        var replayed = PondMetrics.Compute([java], [.. events.Select(e => serializer.Deserialize(serializer.Serialize(e)))], Currency.CNY);

        Assert.Equal((2L, 2L, 1L, Money.Cny(2980m)), (live[0].Attendees, live[0].BaitBuyers, live[0].Converted, live[0].Revenue));
        Assert.Equal(live.AsEnumerable(), replayed.AsEnumerable());
    }

    [Fact]
    public void A_pond_nobody_came_to_has_zero_rates()
    {
        var line = PondMetrics.Compute([new LeadGroup("quiet", 3) { Bait = "trial-class" }], [], Currency.CNY).Single();

        Assert.Equal((0L, Rate.Zero, Rate.Zero, Rate.Zero), (line.Attendees, line.Participation, line.BaitRate, line.Conversion));
    }

    [Theory]
    [InlineData("twice")]
    [InlineData("no members")]
    [InlineData("no id")]
    [InlineData("crowded")]
    public void An_unusable_pond_is_refused(string problem)
    {
        LeadGroup[] ponds = problem switch
        {
            "twice" => [new LeadGroup("a", 3), new LeadGroup("a", 4)],
            "no members" => [new LeadGroup("a", 0)],
            "no id" => [new LeadGroup(" ", 3)],
            _ => [new LeadGroup("a", 1)],
        };
        IDomainEvent[] events = [new AttendanceRecorded(1, "x", "a", At), new AttendanceRecorded(2, "x", "a", At)];

        Assert.Equal(ErrorCodes.MetricsInvalidPond, Assert.Throws<MetricsException>(() => PondMetrics.Compute(ponds, events, Currency.CNY)).ErrorCode);
    }

    [Fact]
    public void An_order_in_another_currency_is_refused() =>
        Assert.Throws<CurrencyMismatchException>(() => PondMetrics.Compute([new LeadGroup("a", 3)], [Sale(1, "o-1", "trial-class", 9.90m)], Currency.USD));
}
