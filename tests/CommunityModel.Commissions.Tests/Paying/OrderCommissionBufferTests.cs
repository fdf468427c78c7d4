using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Paying;

public class OrderCommissionBufferTests
{
    // 1 ── 2 ── 3 ── 4 ── 5 (buyer): 4 is level 1, 3 level 2, 2 level 3; 3 is suspended in the roster below.
    private static readonly NetworkSnapshot Chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3), new(5, 4)]);

    private static readonly CommissionPlan Standard = new CommissionPlanBuilder("standard")
        .Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Level(Rate.FromPercent(3)).Build();

    private static readonly CommissionCalculator Calculator = new(Standard);

    private static CommissionableOrder Order(string id, long buyer, decimal paid) => new(id, buyer, Money.Cny(paid));

    [Fact]
    public void A_123_45_order_pays_12_34_6_17_and_3_70_to_the_three_uplines_by_rule_and_the_company_keeps_101_24()
    {
        var buffer = new OrderCommissionBuffer(Standard);

        Calculator.Calculate(Order("o-1", 5, 123.45m), EarnerRoster.AllActive(Chain), buffer);

        Assert.Equal(3, buffer.Count);
        Assert.Equal(
            [(4L, "standard/level-1", 1, 12.34m), (3L, "standard/level-2", 2, 6.17m), (2L, "standard/level-3", 3, 3.70m)],
            Enumerable.Range(0, buffer.Count).Select(i => (buffer[i].Beneficiary.Value, buffer[i].Rule, buffer[i].Ordinal, buffer[i].Amount.Amount)));
        Assert.All(Enumerable.Range(0, buffer.Count), i => Assert.Equal((CommissionRuleKind.Level, false, buffer[i].Amount), (buffer[i].Kind, buffer[i].Capped, buffer[i].UncappedAmount)));
        Assert.Equal((Money.Cny(123.45m), Money.Cny(22.21m), Money.Cny(101.24m)), (buffer.Base, buffer.TotalPaid, buffer.CompanyRetained));
        Assert.Equal("o-1", buffer.Order.OrderLineId);
    }

    [Fact]
    public void Reused_for_a_second_order_it_holds_only_the_second_orders_lines_and_forfeits()
    {
        var roster = EarnerRoster.Create(Chain, [KeyValuePair.Create(new MemberId(3), EarnerStatus.Suspended)]);
        var buffer = new OrderCommissionBuffer(Standard);

        Calculator.Calculate(Order("o-1", 5, 100m), roster, buffer);
        var first = buffer.ToOrderCommission();
        Calculator.Calculate(Order("o-2", 2, 50m), roster, buffer);

        // o-1: 4 earns 10.00, 3 (suspended) forfeits level 2, 2 earns 3.00; o-2 by member 2 pays only 1 at level 1.
        Assert.Equal([(4L, 10.00m), (2L, 3.00m)], first.Lines.Select(l => (l.Beneficiary.Value, l.Amount.Amount)));
        Assert.Equal((2, 3L), (Assert.Single(first.Forfeited).Level, first.Forfeited[0].Member.Value));
        Assert.Equal((1, 1L, 5.00m), (buffer.Count, buffer[0].Beneficiary.Value, buffer[0].Amount.Amount));
        var second = buffer.ToOrderCommission();
        Assert.Empty(second.Forfeited);
        Assert.Equal(("o-2", Money.Cny(45m)), (second.OrderLineId, second.CompanyRetained));
    }

    [Fact]
    public void A_refused_order_leaves_the_previous_order_in_the_buffer()
    {
        var roster = EarnerRoster.AllActive(Chain);
        var buffer = new OrderCommissionBuffer(Standard);
        Calculator.Calculate(Order("o-1", 5, 100m), roster, buffer);

        var unknownBuyer = Assert.Throws<ReferralException>(() => Calculator.Calculate(Order("o-2", 99, 100m), roster, buffer));
        var unknownRole = Assert.Throws<CommissionException>(() => Calculator.Calculate(Order("o-3", 4, 100m) with { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("agent", 900) }, roster, buffer));
        var negative = Assert.Throws<CommissionException>(() => Calculator.Calculate(new CommissionableOrder("o-4", 4, Money.Cny(-1m)), roster, buffer));

        Assert.Equal(ErrorCodes.ReferralUnknownMember, unknownBuyer.ErrorCode);
        Assert.Equal(CommissionErrorCodes.UnknownRole, unknownRole.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRequest, negative.ErrorCode);
        Assert.Equal(("o-1", 3, Money.Cny(18m)), (buffer.Order.OrderLineId, buffer.Count, buffer.TotalPaid));
        Assert.Equal([10.00m, 5.00m, 3.00m], buffer.ToOrderCommission().Lines.Select(l => l.Amount.Amount));
    }

    [Fact]
    public void An_empty_buffer_has_no_lines_and_names_the_call_that_fills_it()
    {
        var buffer = new OrderCommissionBuffer(Standard);

        Assert.False(buffer.HasOrder);
        Assert.Equal(0, buffer.Count);
        Assert.Contains("Calculate", Assert.Throws<InvalidOperationException>(() => buffer.Order).Message);
        Assert.Throws<InvalidOperationException>(() => buffer.Base);
        Assert.Throws<InvalidOperationException>(() => buffer.ToOrderCommission());
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => buffer[0]).ParamName);
    }

    [Fact]
    public void An_index_past_the_lines_is_refused_naming_the_range()
    {
        var buffer = new OrderCommissionBuffer(Standard);
        Calculator.Calculate(Order("o-1", 3, 100m), EarnerRoster.AllActive(Chain), buffer);

        Assert.Equal(2, buffer.Count);
        Assert.Contains("from 0 to 1", Assert.Throws<ArgumentOutOfRangeException>(() => buffer[2]).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[-1]);
    }

    [Fact]
    public void A_buffer_of_another_plan_is_refused_and_keeps_its_order()
    {
        var other = new CommissionPlanBuilder("other").Level(Rate.FromPercent(1)).Build();
        var buffer = new OrderCommissionBuffer(other);
        new CommissionCalculator(other).Calculate(Order("o-1", 5, 100m), EarnerRoster.AllActive(Chain), buffer);

        var refused = Assert.Throws<ArgumentException>(() => Calculator.Calculate(Order("o-2", 5, 100m), EarnerRoster.AllActive(Chain), buffer));

        Assert.Equal("destination", refused.ParamName);
        Assert.Contains("'other'", refused.Message);
        Assert.Equal(("o-1", Money.Cny(1m)), (buffer.Order.OrderLineId, buffer.TotalPaid));
    }

    [Fact]
    public void Ranks_of_another_network_are_refused()
    {
        var other = NetworkSnapshot.Create([new(1, default), new(2, 1)]);
        var ranks = MemberRanksOver(other);
        var buffer = new OrderCommissionBuffer(Standard);

        var refused = Assert.Throws<CommissionException>(() => Calculator.Calculate(Order("o-1", 5, 100m), ranks, EarnerRoster.AllActive(Chain), null, buffer));

        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, refused.ErrorCode);
        Assert.False(buffer.HasOrder);
    }

    private static CommunityModel.Commissions.Ranks.MemberRanks MemberRanksOver(NetworkSnapshot network) =>
        CommunityModel.Commissions.Ranks.MemberRanks.None(network, Standard.Ladder);
}
