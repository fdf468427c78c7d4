using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Referrals;

namespace CommunityModel.Orleans.Tests.Referrals;

[Collection(ClusterCollection.Name)]
public sealed class SponsorshipTests(ClusterFixture fixture)
{
    private ISponsorshipGrain Sponsorship => fixture.Grains.GetGrain<ISponsorshipGrain>(0);

    [Fact]
    public async Task Binding_into_ones_own_downline_is_refused_as_a_cycle_found_across_grains()
    {
        var a = fixture.NextIds(4);
        await Register(a, 0);
        await Register(a + 1, a);
        await Register(a + 2, a + 1);
        await Register(a + 3, 0);

        var cycle = await Sponsorship.Bind(a + 3, a + 3);
        var bound = await Sponsorship.Bind(a + 3, a + 2);
        var loop = await Sponsorship.Bind(a, a + 3);

        Assert.Equal(ErrorCodes.ReferralSelfBinding, Assert.Single(cycle.Refusals).Code);
        Assert.True(bound.Accepted);
        Assert.Contains(loop.Refusals, r => r.Code == ErrorCodes.ReferralCycle);
        var node = await fixture.Grains.GetGrain<IMemberGrain>(a + 3).GetNode();
        Assert.Equal(a + 2, node.Sponsor);
        var history = Assert.Single(await fixture.Grains.GetGrain<IMemberGrain>(a + 3).GetBindings());
        Assert.Equal((a + 2, 0L), (history.Sponsor.Value, history.PreviousSponsor.IsEmpty ? 0L : history.PreviousSponsor.Value));
    }

    [Fact]
    public async Task Registration_refuses_an_unknown_sponsor_and_a_second_sponsor_with_the_networks_codes()
    {
        var a = fixture.NextIds(3);
        var unknown = await fixture.Grains.GetGrain<IMemberGrain>(a).Register(a + 2);
        await Register(a + 1, 0);
        await Register(a, a + 1);
        var again = await Sponsorship.Bind(a, a + 1);

        Assert.Equal(ErrorCodes.ReferralUnknownSponsor, Assert.Single(unknown.Refusals).Code);
        Assert.Contains(again.Refusals, r => r.Code == ErrorCodes.ReferralAlreadyBound);
    }

    private async Task Register(long member, long sponsor) => Assert.True((await fixture.Grains.GetGrain<IMemberGrain>(member).Register(sponsor)).Accepted);
}
