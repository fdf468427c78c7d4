using CommunityModel.Commissions;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Refunds;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Orleans.Tests.Refunds;

/// <summary>One refund id names one refund across the cluster, as across a <see cref="CommunityModel.Community"/>.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RefundIdClaimTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_refund_id_another_member_used_is_refused_as_the_community_refuses_it_also_after_the_grains_reactivate()
    {
        var first = fixture.NextIds(2);
        var refundId = $"r-{first}";
        var commands = new CommunityCommand[]
        {
            new RegisterMember(new MemberId(first)),
            new RegisterMember(new MemberId(first + 1)),
            new PlaceOrder(new MemberId(first), $"o-{first}", OfflineCourse),
            new PlaceOrder(new MemberId(first + 1), $"o-{first + 1}", OfflineCourse),
            new RefundOrder(new MemberId(first), $"o-{first}", refundId, Money.FromMinorUnits(100, Currency.CNY)),
        };
        var reused = new RefundOrder(new MemberId(first + 1), $"o-{first + 1}", refundId, Money.FromMinorUnits(100, Currency.CNY));

        var community = fixture.SingleProcess(new CommunityCommissions(ClusterFixture.Calculator, new CommissionLedger(ClusterFixture.LedgerOptions, fixture.Clock), ClusterFixture.RoleMap));
        foreach (var command in commands)
        {
            community.Execute(command);
            Assert.True((await Execute(command)).Accepted);
        }

        var expected = Assert.Throws<CommunityException>(() => community.Execute(reused));
        var refused = await Execute(reused);

        Assert.False(refused.Accepted);
        Assert.Equal((expected.ErrorCode, expected.Refusals[0].Field), (refused.Refusals[0].Code, refused.Refusals[0].Field));
        Assert.Contains($"member {first}", refused.Refusals[0].Message, StringComparison.Ordinal);

        // The record outlives the grains: reactivated from their streams, the id is still the first member's.
        Assert.Equal(0, await Grains.GetGrain<IMemberGrain>(first).DeliverFollowUps());
        await Grains.GetGrain<global::Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(ErrorCodes.CommunityIdConflict, Assert.Single((await Execute(reused)).Refusals).Code);
        Assert.True((await Execute(commands[^1])).IsRepeat); // the first member's refund again is a repeat
    }

    [Fact]
    public async Task Members_racing_for_one_new_refund_id_give_it_to_exactly_one_and_refuse_the_rest_as_an_id_conflict()
    {
        const int racers = 8;
        var first = fixture.NextIds(racers);
        for (var i = 0; i < racers; i++)
        {
            Assert.True((await Execute(new RegisterMember(new MemberId(first + i)))).Accepted);
            Assert.True((await Execute(new PlaceOrder(new MemberId(first + i), $"o-{first + i}", OfflineCourse))).Accepted);
        }

        var refundId = $"contested-{first}";
        var outcomes = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(() =>
            Execute(new RefundOrder(new MemberId(first + i), $"o-{first + i}", refundId, Money.FromMinorUnits(100, Currency.CNY))))));

        var winner = Assert.Single(Enumerable.Range(0, racers), i => outcomes[i].Accepted);
        Assert.All(Enumerable.Range(0, racers).Where(i => i != winner), i => Assert.Equal(("community.id_conflict", "RefundId"), (outcomes[i].Refusals[0].Code, outcomes[i].Refusals[0].Field)));
        Assert.Equal(first + winner, await Grains.GetGrain<IRefundGrain>(refundId).Claim(first + ((winner + 1) % racers)));
    }

    [Fact]
    public async Task A_refund_id_claimed_by_a_refused_refund_is_released_for_the_next_member()
    {
        var first = fixture.NextIds(2);
        foreach (var member in new[] { first, first + 1 })
        {
            Assert.True((await Execute(new RegisterMember(new MemberId(member)))).Accepted);
            Assert.True((await Execute(new PlaceOrder(new MemberId(member), $"o-{member}", OfflineCourse))).Accepted);
        }

        var refundId = $"released-{first}";
        var tooMuch = await Execute(new RefundOrder(new MemberId(first), $"o-{first}", refundId, Money.FromMinorUnits(100_000_000, Currency.CNY)));
        var next = await Execute(new RefundOrder(new MemberId(first + 1), $"o-{first + 1}", refundId, Money.FromMinorUnits(100, Currency.CNY)));

        Assert.False(tooMuch.Accepted);
        Assert.NotEqual(ErrorCodes.CommunityIdConflict, tooMuch.Refusals[0].Code);
        Assert.True(next.Accepted, next.Refusals.FirstOrDefault()?.Message);
    }

    private Task<CommandOutcome> Execute(CommunityCommand command) => command switch
    {
        RegisterMember r => Grains.GetGrain<IMemberGrain>(r.Member.Value).Execute(r),
        PlaceOrder o => Grains.GetGrain<IMemberGrain>(o.Member.Value).Execute(o),
        RefundOrder r => Grains.GetGrain<IMemberGrain>(r.Member.Value).Execute(r),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
