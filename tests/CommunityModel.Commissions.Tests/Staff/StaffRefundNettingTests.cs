using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Tests.Run;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Staff;

public class StaffRefundNettingTests
{
    // 1% of the whole volume below ¥10,000, 3% from ¥10,000.
    private static readonly CommissionPlan Banded = new CommissionPlanBuilder("banded")
        .Role("sales", StaffBandMode.WholeVolume, new StaffBand(Money.Cny(0m), Rate.FromPercent(1)), new StaffBand(Money.Cny(10000m), Rate.FromPercent(3)))
        .Build();

    private static readonly EarnerRoster Earners = EarnerRoster.AllActive(NetworkSnapshot.Create([new(1, default), new(2, 1)]));

    private static CommissionableOrder Order(string id, decimal paid, long holder = 902) =>
        new(id, 2, Money.Cny(paid)) { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("sales", holder) };

    private static readonly CommissionableOrder Padded = Order("o-pad", 20000m);
    private static readonly CommissionableOrder Real = Order("o-real", 3000m);

    [Fact]
    public void A_padded_order_refunded_in_the_period_takes_its_volume_back_and_the_holder_stays_below_the_band()
    {
        var volumes = StaffVolumes.Create(Banded, [Padded, Real], [VolumeEntry.Refund(Padded, Money.Cny(20000m))]);

        var pay = volumes.PayFor("sales", 902)!;
        Assert.Equal(Money.Cny(3000m), volumes.Of("sales", 902));
        Assert.Equal((Money.Cny(30m), Rate.FromPercent(1)), (pay.Total, pay.BandReached.Rate));
    }

    [Fact]
    public void The_month_end_run_nets_the_holders_volume_for_the_refund_and_pays_the_real_order_at_the_lower_band()
    {
        var sink = new CollectingSink();

        var result = new CommissionRun(Banded).Execute(Earners, [Real, Padded], [VolumeEntry.Refund(Padded, Money.Cny(20000m))], sink: sink);

        // Unnetted, ¥23,000 reaches 3%: ¥690 spread over the volume pays the real order ¥90. Netted, ¥3,000 pays 1%: ¥30.
        Assert.Equal(Money.Cny(3000m), result.StaffVolumes!.Of("sales", 902));
        var real = Assert.Single(sink.Lines, l => result.OrderLineIdAt(l.Order) == "o-real" && l.Kind == CommissionRuleKind.Staff);
        Assert.Equal(3000L, real.Amount);
    }

    [Fact]
    public void A_refund_naming_only_an_order_line_of_the_period_nets_that_orders_holders()
    {
        var refund = VolumeEntry.Refund(2, Money.Cny(20000m)) with { OrderLineId = "o-pad" };

        Assert.Equal(Money.Cny(3000m), StaffVolumes.Create(Banded, [Padded, Real], [refund]).Of("sales", 902));
        Assert.Equal(Money.Cny(3000m), new CommissionRun(Banded).Execute(Earners, [Padded, Real], [refund]).StaffVolumes!.Of("sales", 902));
    }

    [Fact]
    public void A_refund_of_an_earlier_periods_order_nets_the_holders_it_names_and_a_volume_never_falls_below_zero()
    {
        var lastMonth = Order("o-last-month", 12000m);
        var big = Order("o-big", 14000m);

        var partly = StaffVolumes.Create(Banded, [big, Real], [VolumeEntry.Refund(lastMonth, Money.Cny(6000m))]);
        var wholly = StaffVolumes.Create(Banded, [Real], [VolumeEntry.Refund(lastMonth, Money.Cny(12000m))]);
        var other = StaffVolumes.Create(Banded, [Real], [VolumeEntry.Refund(Order("o-other", 5000m, holder: 903), Money.Cny(5000m))]);

        // 14,000 + 3,000 - 6,000 = 11,000: still the 3% band. 3,000 - 12,000 is no volume at all.
        Assert.Equal((Money.Cny(11000m), Money.Cny(330m)), (partly.Of("sales", 902), partly.PayFor("sales", 902)!.Total));
        Assert.Equal((Money.Cny(0m), Money.Cny(0m)), (wholly.Of("sales", 902), wholly.PayFor("sales", 902)!.Total));
        Assert.Equal(Money.Cny(3000m), other.Of("sales", 902));
        Assert.Equal<MemberId>([902], other.Holders);
    }

    [Fact]
    public void A_refund_naming_an_unknown_role_an_empty_holder_another_currency_or_another_buyers_order_line_is_refused()
    {
        var unknown = VolumeEntry.Refund(Order("o-x", 100m), Money.Cny(100m)) with { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("regional", 902) };
        var empty = VolumeEntry.Refund(Order("o-x", 100m), Money.Cny(100m)) with { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("sales", default) };
        var dollars = VolumeEntry.Refund(Order("o-x", 100m), Money.Usd(100m));

        Assert.Equal(CommissionErrorCodes.UnknownRole, Assert.Throws<CommissionException>(() => StaffVolumes.Create(Banded, [Real], [unknown])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownRole, Assert.Throws<CommissionException>(() => new CommissionRun(Banded).Execute(Earners, [Real], [unknown])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => StaffVolumes.Create(Banded, [Real], [empty])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => StaffVolumes.Create(Banded, [Real], [dollars])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCurrency, Assert.Throws<CommissionException>(() => new CommissionRun(Banded).Execute(Earners, [Real], [dollars])).ErrorCode);
        var otherBuyer = VolumeEntry.Refund(1, Money.Cny(100m)) with { OrderLineId = "o-real" };
        Assert.Equal(CommissionErrorCodes.InvalidRequest, Assert.Throws<CommissionException>(() => StaffVolumes.Create(Banded, [Real], [otherBuyer])).ErrorCode);
    }
}
