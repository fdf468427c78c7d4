using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Tests.Staff;

public class StaffVolumesTests
{
    private static readonly CommissionPlan Plan = new CommissionPlanBuilder("team").PayOn(CommissionBase.AmountPaidMinusCost)
        .Role("agent", Money.Cny(5m))
        .Role("sales", StaffBandMode.WholeVolume, new StaffBand(Money.Cny(0m), Rate.FromPercent(1)), new StaffBand(Money.Cny(1000m), Rate.FromPercent(2)))
        .Build();

    private static CommissionableOrder Order(string id, decimal paid, decimal cost, params (string Role, long Holder)[] roles) =>
        new(id, 1, Money.Cny(paid)) { Cost = Money.Cny(cost), Roles = roles.ToImmutableDictionary(r => r.Role, r => new MemberId(r.Holder)) };

    [Fact]
    public void A_holders_volume_in_a_role_is_the_sum_of_the_bases_of_the_orders_naming_them_in_it()
    {
        var volumes = StaffVolumes.Create(Plan, [
            Order("o-1", 800m, 200m, ("sales", 902), ("agent", 901)),
            Order("o-2", 700m, 100m, ("sales", 902)),
            Order("o-3", 50m, 0m, ("sales", 900), ("agent", 902)),
            Order("o-4", 999m, 0m)]);

        // Bases are amount paid minus cost, the plan's base: 600 + 600 for 902 as sales.
        Assert.Equal(Money.Cny(1200m), volumes.Of("sales", 902));
        Assert.Equal(Money.Cny(50m), volumes.Of("agent", 902));
        Assert.Equal(Money.Cny(0m), volumes.Of("agent", 900));
        Assert.Equal(Money.Cny(0m), volumes.Of("sales", 12345));
        Assert.Equal<MemberId>([900, 901, 902], volumes.Holders);
        Assert.Equal((Money.Cny(24m), Rate.FromPercent(2)), (volumes.PayFor("sales", 902)!.Total, volumes.PayFor("sales", 902)!.BandReached.Rate));
        Assert.Null(volumes.PayFor("agent", 901));
        Assert.Same(Plan, volumes.Plan);
    }

    [Fact]
    public void An_unknown_role_a_repeated_order_line_and_an_empty_holder_are_refused()
    {
        var unknown = Assert.Throws<CommissionException>(() => StaffVolumes.Create(Plan, [Order("o-1", 10m, 0m, ("regional", 900))]));
        var twice = Assert.Throws<CommissionException>(() => StaffVolumes.Create(Plan, [Order("o-1", 10m, 0m), Order("o-1", 20m, 0m)]));
        var empty = Assert.Throws<CommissionException>(() => StaffVolumes.Create(Plan, [Order("o-1", 10m, 0m) with { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("sales", default) }]));
        var noCost = Assert.Throws<CommissionException>(() => StaffVolumes.Create(Plan, [new CommissionableOrder("o-1", 1, Money.Cny(1m))]));
        var volumes = StaffVolumes.Create(Plan, []);

        Assert.Equal(CommissionErrorCodes.UnknownRole, unknown.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, twice.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, empty.ErrorCode);
        Assert.Equal(CommissionErrorCodes.OrderCostMissing, noCost.ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownRole, Assert.Throws<CommissionException>(() => volumes.Of("regional", 900)).ErrorCode);
        Assert.Empty(volumes.Holders);
    }
}
