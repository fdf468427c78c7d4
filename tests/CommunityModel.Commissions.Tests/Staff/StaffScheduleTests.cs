using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Tests.Staff;

public class StaffScheduleTests
{
    private static readonly MemberId Sales = new(901);

    private static StaffSchedule Schedule(StaffBandMode mode) =>
        new StaffScheduleBuilder("sales", mode)
            .Band(Money.Cny(0m), Rate.FromPercent(1))
            .Band(Money.Cny(50_000m), Rate.FromPercent(2))
            .Band(Money.Cny(200_000m), Rate.FromPercent(3))
            .Build();

    [Fact]
    public void Whole_volume_earns_the_rate_of_the_band_reached_on_everything()
    {
        var pay = Schedule(StaffBandMode.WholeVolume).PayFor(Money.Cny(120_000m));

        Assert.Equal(Money.Cny(2_400m), pay.Total);                       // 120,000 × 2%
        Assert.Equal(Rate.FromPercent(2), pay.BandReached.Rate);
        var portion = Assert.Single(pay.Portions);
        Assert.Equal(Money.Cny(120_000m), portion.Volume);
        Assert.Equal(Rate.FromPercent(2), pay.EffectiveRate);
    }

    [Fact]
    public void Whole_volume_steps_up_at_a_threshold_and_rounds_down_below_it()
    {
        var schedule = Schedule(StaffBandMode.WholeVolume);

        Assert.Equal(Money.Cny(499.99m), schedule.PayFor(Money.Cny(49_999.99m)).Total);   // 1% of 49,999.99 = 499.9999 → down
        Assert.Equal(Money.Cny(1_000m), schedule.PayFor(Money.Cny(50_000m)).Total);       // the threshold itself is in the upper band
    }

    [Fact]
    public void Marginal_bands_pay_each_slice_at_its_own_rate_like_tax_brackets()
    {
        var pay = Schedule(StaffBandMode.Marginal).PayFor(Money.Cny(250_000m));

        // 50,000 × 1% + 150,000 × 2% + 50,000 × 3% = 500 + 3,000 + 1,500
        Assert.Equal(Money.Cny(5_000m), pay.Total);
        Assert.Equal([Money.Cny(50_000m), Money.Cny(150_000m), Money.Cny(50_000m)], pay.Portions.Select(p => p.Volume));
        Assert.Equal([Money.Cny(500m), Money.Cny(3_000m), Money.Cny(1_500m)], pay.Portions.Select(p => p.Amount));
        Assert.Equal(Rate.FromPercent(3), pay.BandReached.Rate);
    }

    [Fact]
    public void Marginal_bands_stop_at_the_band_the_volume_reaches()
    {
        var pay = Schedule(StaffBandMode.Marginal).PayFor(Money.Cny(120_000m));

        Assert.Equal(Money.Cny(1_900m), pay.Total);                       // 500 + 70,000 × 2%
        Assert.Equal(2, pay.Portions.Length);
    }

    [Fact]
    public void Marginal_bands_round_once_on_the_running_total_so_no_fen_is_lost_between_bands()
    {
        var schedule = new StaffScheduleBuilder("fine", StaffBandMode.Marginal)
            .Band(Money.Cny(0m), Rate.FromPercent(1.5m))
            .Band(Money.Cny(0.33m), Rate.FromPercent(2.5m))
            .Build();

        var pay = schedule.PayFor(Money.Cny(1m));

        // 33 fen × 1.5% = 0.495 fen, 67 fen × 2.5% = 1.675 fen: exact 2.17 fen → 2 fen. Rounding each band would give 0 + 1.
        Assert.Equal(Money.FromMinorUnits(2, Currency.CNY), pay.Total);
        Assert.Equal([0L, 2L], pay.Portions.Select(p => p.Amount.MinorUnits));
    }

    [Fact]
    public void No_volume_pays_nothing_at_the_first_band()
    {
        var pay = Schedule(StaffBandMode.Marginal).PayFor(Money.Cny(0m));

        Assert.True(pay.Total.IsZero);
        Assert.Equal(Rate.Zero, pay.EffectiveRate);
        Assert.Equal(Rate.FromPercent(1), pay.BandReached.Rate);
    }

    [Fact]
    public void A_period_pay_is_allocated_back_to_its_order_lines_by_their_bases()
    {
        var schedule = new StaffScheduleBuilder("service").Band(Money.Cny(0m), Rate.FromPercent(2)).Build();

        var period = schedule.Settle(Sales, [new("vip-1", Money.Cny(3_600m)), new("gift-1", Money.Cny(399m)), new("camp-1", Money.Cny(9.90m))]);

        // 2% of 4,008.90 = 80.178 → 80.17; by bases 360,000 : 39,900 : 990 the floors are 71.99, 7.97, 0.19 and the two
        // fen left go to the largest remainders (0.92 and 0.80 of a fen): 71.99 + 7.98 + 0.20.
        Assert.Equal(Money.Cny(80.17m), period.Pay.Total);
        Assert.Equal([Money.Cny(71.99m), Money.Cny(7.98m), Money.Cny(0.20m)], period.Lines.Select(l => l.Amount));
        Assert.All(period.Lines, l => Assert.Equal("service/staff", l.Rule));
        Assert.Equal(new CommissionKey("vip-1", Sales, "service/staff"), period.Lines[0].Key);
    }

    [Fact]
    public void Lines_with_a_zero_share_are_left_out()
    {
        var schedule = new StaffScheduleBuilder("service").Band(Money.Cny(0m), Rate.FromPercent(1)).Build();

        var period = schedule.Settle(Sales, [new("big", Money.Cny(100m)), new("tiny", Money.Cny(0.10m)), new("free", Money.Cny(0m))]);

        Assert.Equal(Money.Cny(1m), period.Pay.Total);                    // 1% of 100.10 = 1.001 → 1.00
        Assert.Equal("big", Assert.Single(period.Lines).OrderLineId);
    }

    [Fact]
    public void Every_problem_of_a_bad_schedule_is_listed_at_once()
    {
        var options = new StaffScheduleOptions { Name = " ", Mode = (StaffBandMode)9, Rounding = (RoundingMode)9 };
        options.Bands.Add(new StaffBandOptions { From = Money.Cny(10m), Rate = Rate.FromPercent(2) });
        options.Bands.Add(new StaffBandOptions { From = Money.Cny(5m), Rate = Rate.FromPercent(1) });
        options.Bands.Add(new StaffBandOptions { From = Money.Usd(50m), Rate = Rate.FromPercent(120) });
        options.Bands.Add(new StaffBandOptions { Rate = Rate.FromPercent(3) });

        var problems = StaffSchedule.Validate(options);

        Assert.Equal<string>(
            [
                "Name is empty; give the schedule a name.",
                "Mode '9' is not WholeVolume or Marginal.",
                "Rounding '9' is not a rounding mode.",
                "Bands:0:From is ¥10.00; the first band starts at zero.",
                "Bands:1:From is ¥5.00, below Bands:0 (¥10.00): list the bands lowest first.",
                "Bands:1:Rate is 1%, less than Bands:0 (2%): rates are progressive and never decrease.",
                "Bands:2:From is in USD, not the schedule's CNY.",
                "Bands:2:Rate is 120%; a rate is 0% to 100%.",
                "Bands:3 needs both From and Rate.",
            ],
            problems);
    }

    [Fact]
    public void Two_bands_starting_at_the_same_volume_overlap()
    {
        var builder = new StaffScheduleBuilder("sales").Band(Money.Cny(0m), Rate.FromPercent(1)).Band(Money.Cny(0m), Rate.FromPercent(2));

        var error = Assert.Throws<CommissionPlanException>(builder.Build);

        Assert.Equal(CommissionErrorCodes.InvalidPlan, error.ErrorCode);
        Assert.Equal("Bands:1:From is ¥0.00, the same as Bands:0: the bands overlap.", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void A_schedule_without_bands_is_refused()
    {
        var error = Assert.Throws<CommissionPlanException>(new StaffScheduleBuilder("empty").Build);

        Assert.Contains("at least one band", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_or_foreign_volume_is_refused()
    {
        var schedule = Schedule(StaffBandMode.Marginal);

        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => schedule.PayFor(Money.Cny(-1m))).ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => schedule.PayFor(Money.Usd(1m))).ErrorCode);
    }

    [Fact]
    public void Settling_refuses_an_empty_staff_member_and_bad_sales_naming_them()
    {
        var schedule = Schedule(StaffBandMode.WholeVolume);

        Assert.Contains("staff member is empty", Assert.Throws<CommissionException>(() => schedule.Settle(default, [])).Message, StringComparison.Ordinal);
        var twice = Assert.Throws<CommissionException>(() => schedule.Settle(Sales, [new("o-1", Money.Cny(1m)), new("o-1", Money.Cny(2m))]));
        Assert.Contains("'o-1' is credited to staff member 901 twice", twice.Message, StringComparison.Ordinal);
        var noId = Assert.Throws<CommissionException>(() => schedule.Settle(Sales, [new("", Money.Cny(1m))]));
        Assert.Contains("no order line id", noId.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<CommissionException>(() => schedule.Settle(Sales, [new("o-2", Money.Cny(-1m))]));
        Assert.Contains("base of order line 'o-2'", negative.Message, StringComparison.Ordinal);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => schedule.Settle(Sales, [new("o-3", Money.Usd(1m))])).ErrorCode);
    }
}
