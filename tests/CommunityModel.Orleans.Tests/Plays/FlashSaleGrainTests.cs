using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Plays;
using FsCheck;
using FsCheck.Fluent;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Orleans.Tests.Plays;

/// <summary>
/// A flash sale (秒杀) of the cluster decides with the library's <see cref="FlashSale"/> in one grain per play: the same
/// refusals, play events, orders and commission lines as a <see cref="FlashSale"/> in one <see cref="Community"/>, and no
/// oversell however many member grains buy at once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FlashSaleGrainTests(ClusterFixture fixture)
{
    private static readonly Money FlashPrice = Money.Cny(990m);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Stock_and_limits_refuse_and_sell_as_the_communitys_flash_sale_to_the_fen()
    {
        // A sponsor and four buyers under them; three units, two per member.
        var first = fixture.NextIds(5);
        var play = $"fs-limits-{first}";
        var (community, commissions, sale) = await SetUpBoth(first, play, buyers: 4, stock: 3, perMemberLimit: 2);
        var attempts = new (int Buyer, string Order)[]
        {
            (1, "a"), (1, "b"), (1, "c"), (2, "d"), (3, "e"), (1, "a"),
        };

        var codes = new List<(string? Reference, string? Cluster)>();
        foreach (var (buyer, order) in attempts)
        {
            var orderId = $"{play}-{order}";
            var reference = Try(() => sale.Buy(first + buyer, orderId));
            var cluster = await Buy(first + buyer, orderId, play);
            codes.Add((reference, cluster.Accepted ? null : cluster.Refusals[0].Code));
        }

        // Two to the first buyer, the third refused at its limit, the last unit to the second buyer, then sold out; the
        // first order again is a repeat.
        Assert.Equal(
            [(null, null), (null, null), (ErrorCodes.CampaignMemberLimit, ErrorCodes.CampaignMemberLimit), (null, null), (ErrorCodes.CampaignSoldOut, ErrorCodes.CampaignSoldOut), (null, null)],
            codes);
        await AssertSameAs(community, commissions, sale, first, play, members: 5);

        // ¥990 a unit: 10% to the sponsor for each of the three units.
        Assert.Equal(Money.Cny(297m).MinorUnits, (await Grains.GetGrain<IMemberGrain>(first).GetBalance()).Available);
    }

    [Fact]
    public async Task A_buyer_the_community_refuses_leaves_the_stock_to_the_next_and_an_unregistered_buyer_is_refused_alike()
    {
        var first = fixture.NextIds(4);
        var play = $"fs-held-{first}";
        var (community, commissions, sale) = await SetUpBoth(first, play, buyers: 3, stock: 1, perMemberLimit: 1);
        community.Execute(new RemoveMember(first + 1, "fraud"));
        Assert.True((await Grains.GetGrain<IMemberGrain>(first + 1).Execute(new RemoveMember(first + 1, "fraud"))).Accepted);

        var stranger = first + 1_000_000;
        var codes = new List<(string? Reference, string? Cluster)>();
        foreach (var (buyer, order) in new[] { (first + 1, "held"), (stranger, "stranger"), (first + 2, "taken"), (first + 3, "late") })
        {
            var orderId = $"{play}-{order}";
            var reference = Try(() => sale.Buy(buyer, orderId));
            var cluster = await Buy(buyer, orderId, play);
            codes.Add((reference, cluster.Accepted ? null : cluster.Refusals[0].Code));
        }

        Assert.Equal(
            [(ErrorCodes.CommunityMemberHeld, ErrorCodes.CommunityMemberHeld), (ErrorCodes.CampaignInvalidRequest, ErrorCodes.CampaignInvalidRequest), (null, null), (ErrorCodes.CampaignSoldOut, ErrorCodes.CampaignSoldOut)],
            codes);
        await AssertSameAs(community, commissions, sale, first, play, members: 4);
    }

    [Fact]
    public async Task The_play_sets_the_product_and_price_an_order_asking_for_another_is_refused_and_the_stock_kept()
    {
        var first = fixture.NextIds(2);
        var play = $"fs-price-{first}";
        await SetUpBoth(first, play, buyers: 1, stock: 1, perMemberLimit: 1);

        var cheaper = await Grains.GetGrain<IMemberGrain>(first + 1).Execute(new PlaceOrder(first + 1, $"{play}-1", OnlineCourses, Money.Cny(1m), "flash sale") { Play = play, PlayKind = PlayKind.FlashSale });
        var other = await Grains.GetGrain<IMemberGrain>(first + 1).Execute(new PlaceOrder(first + 1, $"{play}-2", CommunityService, null, "flash sale") { Play = play, PlayKind = PlayKind.FlashSale });
        var listed = await Buy(first + 1, $"{play}-3", play);

        Assert.Equal((ErrorCodes.CampaignInvalidRequest, "Price"), (cheaper.Refusals[0].Code, cheaper.Refusals[0].Field));
        Assert.Equal((ErrorCodes.CampaignInvalidRequest, "Item"), (other.Refusals[0].Code, other.Refusals[0].Field));
        Assert.True(listed.Accepted, listed.Accepted ? "" : listed.Refusals[0].Message);
        Assert.Equal([$"{play}-3"], (await Grains.GetGrain<IMemberGrain>(first + 1).GetOrders()).Select(o => o.OrderId));
    }

    [Fact]
    public async Task A_unit_taken_for_a_buyer_whose_order_was_not_stored_is_handed_back_when_the_buyer_sends_the_order_again()
    {
        var first = fixture.NextIds(2);
        var play = $"fs-again-{first}";
        var (community, commissions, sale) = await SetUpBoth(first, play, buyers: 1, stock: 2, perMemberLimit: 2);
        sale.Buy(first + 1, $"{play}-1");

        // The play took the unit and stored the order it built, but the buyer's grain stored nothing (it failed in between).
        var request = new PlaceOrder(first + 1, $"{play}-1", OnlineCourses, FlashPrice, "flash sale") { Play = play, PlayKind = PlayKind.FlashSale };
        var reserved = await Grains.GetGrain<IFlashSaleGrain>(play).Reserve(request, buyerRegistered: true);
        Assert.Empty(await Grains.GetGrain<IMemberGrain>(first + 1).GetOrders());

        // Sent again, the order is the play's repeat: the same order is placed, and the unit is counted once.
        var again = await Grains.GetGrain<IMemberGrain>(first + 1).Execute(request);
        var repeat = await Grains.GetGrain<IMemberGrain>(first + 1).Execute(request);

        Assert.True(again.Accepted && !again.IsRepeat, again.Accepted ? "" : again.Refusals[0].Message);
        Assert.True(repeat.IsRepeat);
        Assert.Equal(reserved.Order, (await Grains.GetGrain<IFlashSaleGrain>(play).Reserve(request, buyerRegistered: true)).Order);
        await AssertSameAs(community, commissions, sale, first, play, members: 2);
    }

    [Fact]
    public async Task Scheduling_closing_and_buying_outside_the_window_are_refused_with_the_plays_codes()
    {
        var first = fixture.NextIds(2);
        var play = $"fs-window-{first}";
        await Grains.GetGrain<IMemberGrain>(first + 1).Execute(new RegisterMember(first + 1));
        var grain = Grains.GetGrain<IFlashSaleGrain>(play);
        var now = fixture.Clock.GetUtcNow();

        var notScheduled = await Buy(first + 1, $"{play}-1", play);
        var notCatalog = await grain.Schedule("no-such-product", FlashPrice, now.AddHours(-1), now.AddHours(1), 1, 1);
        var emptyWindow = await grain.Schedule(OnlineCourses, FlashPrice, now, now, 1, 1);
        var later = await grain.Schedule(OnlineCourses, FlashPrice, now.AddHours(1), now.AddHours(2), 1, 1);
        var twice = await grain.Schedule(OnlineCourses, FlashPrice, now.AddHours(1), now.AddHours(2), 1, 1);
        var early = await Buy(first + 1, $"{play}-2", play);
        var closed = await grain.Close("weather");
        var closedTwice = await grain.Close("weather");
        var afterClose = await Buy(first + 1, $"{play}-3", play);

        Assert.Equal(ErrorCodes.CampaignInvalidTransition, notScheduled.Refusals[0].Code);
        Assert.Equal(ErrorCodes.CampaignInvalidRequest, notCatalog.Refusals[0].Code);
        Assert.Equal((ErrorCodes.CampaignInvalidRequest, "EndsAt"), (emptyWindow.Refusals[0].Code, emptyWindow.Refusals[0].Field));
        Assert.True(later.Accepted && closed.Accepted);
        Assert.Equal(ErrorCodes.CampaignIdConflict, twice.Refusals[0].Code);
        Assert.Equal(ErrorCodes.CampaignOutsideWindow, early.Refusals[0].Code);
        Assert.Equal(ErrorCodes.CampaignInvalidTransition, closedTwice.Refusals[0].Code);
        Assert.Equal(ErrorCodes.CampaignOutsideWindow, afterClose.Refusals[0].Code);
        Assert.Empty(await Grains.GetGrain<IMemberGrain>(first + 1).GetOrders());
        Assert.Equal([typeof(FlashSaleScheduled), typeof(FlashSaleClosed)], (await grain.GetEvents()).Select(e => e.GetType()));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Reserve(new PlaceOrder(first + 1, "x", OnlineCourses) { Play = "another", PlayKind = PlayKind.FlashSale }, true));
    }

    [Theory]
    [InlineData(PlayKind.Bootcamp)]
    [InlineData(PlayKind.MarketingClass)]
    [InlineData(PlayKind.Survey)]
    [InlineData(PlayKind.FlashGroup)]
    [InlineData(PlayKind.GroupBuy)]
    public async Task An_order_within_a_play_the_cluster_does_not_host_is_refused_naming_the_play_and_its_kind(PlayKind kind)
    {
        var first = fixture.NextIds(1);
        var play = $"play-{kind}-{first}";
        var member = Grains.GetGrain<IMemberGrain>(first);
        await member.Execute(new RegisterMember(first));

        var refused = await member.Execute(new PlaceOrder(first, $"{play}-1", OnlineCourses, FlashPrice, "play") { Play = play, PlayKind = kind });
        var plain = await member.Execute(new PlaceOrder(first, $"{play}-1", OnlineCourses));

        Assert.False(refused.Accepted);
        Assert.Equal((ErrorCodes.CampaignPlayNotHosted, "PlayKind"), (refused.Refusals[0].Code, refused.Refusals[0].Field));
        Assert.Contains(play, refused.Refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains(PlayKinds.DisplayName(kind).ToString(), refused.Refusals[0].Message, StringComparison.Ordinal);

        // Nothing was placed and the order id was released: the member's own order takes it.
        Assert.True(plain.Accepted, plain.Accepted ? "" : plain.Refusals[0].Message);
        Assert.Equal([(string?)null], (await member.GetOrders()).Select(o => o.Play));
    }

    [Fact]
    public async Task Forty_buyers_at_once_across_member_grains_take_exactly_the_stock_and_the_play_replays_the_same()
    {
        var (sold, refused, events) = await Race(buyers: 40, stock: 7);
        Assert.Equal(7, sold);
        Assert.Equal(Enumerable.Repeat(ErrorCodes.CampaignSoldOut, 33), refused);
        Assert.Equal(7, events.OfType<FlashSaleSold>().Count());
        Assert.Single(events.OfType<FlashSaleSoldOut>());
    }

    /// <summary>Any stock and any number of concurrent buyers: the units sold are the lesser of the two, never more.</summary>
    [FsCheck.Xunit.Property(MaxTest = 5)]
    public Property Concurrent_buyers_never_oversell() =>
        Prop.ForAll(
            Gen.Choose(1, 8).SelectMany(stock => Gen.Choose(1, 16).Select(buyers => (stock, buyers))).ToArbitrary(),
            run =>
            {
                var (sold, refused, events) = Race(run.buyers, run.stock).GetAwaiter().GetResult();
                Assert.Equal(Math.Min(run.stock, run.buyers), sold);
                Assert.Equal(sold, events.OfType<FlashSaleSold>().Count());
                Assert.All(refused, code => Assert.Equal(ErrorCodes.CampaignSoldOut, code));
            });

    // Buyers (each its own member grain, one unit each) race for the stock; the play is then deactivated and replayed.
    private async Task<(int Sold, string[] Refused, IDomainEvent[] Events)> Race(int buyers, int stock)
    {
        var first = fixture.NextIds(buyers);
        var play = $"fs-race-{first}";
        await Task.WhenAll(Enumerable.Range(0, buyers).Select(i => Grains.GetGrain<IMemberGrain>(first + i).Execute(new RegisterMember(first + i))));
        var now = fixture.Clock.GetUtcNow();
        Assert.True((await Grains.GetGrain<IFlashSaleGrain>(play).Schedule(OnlineCourses, FlashPrice, now.AddHours(-1), now.AddHours(1), stock, 1)).Accepted);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, buyers).Select(i => Buy(first + i, $"{play}-{i}", play)));
        var orders = 0;
        for (var i = 0; i < buyers; i++)
        {
            orders += (await Grains.GetGrain<IMemberGrain>(first + i).GetOrders()).Length;
        }

        var events = await Grains.GetGrain<IFlashSaleGrain>(play).GetEvents();
        await Grains.GetGrain<global::Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(events.AsEnumerable(), await Grains.GetGrain<IFlashSaleGrain>(play).GetEvents());
        // Replayed, the play still holds every unit it sold: the first buyer is at their limit, or the stock is gone.
        var sold = outcomes.Count(o => o.Accepted);
        var again = await Buy(first, $"{play}-again", play);
        Assert.Equal(sold == stock ? ErrorCodes.CampaignSoldOut : ErrorCodes.CampaignMemberLimit, again.Accepted ? "accepted" : again.Refusals[0].Code);
        Assert.Equal(sold, orders);
        return (sold, [.. outcomes.Where(o => !o.Accepted).Select(o => o.Refusals[0].Code)], events);
    }

    // Members first + 0 (the sponsor) and first + 1 .. first + buyers under them, in both; the same flash sale in both.
    private async Task<(CommunityModel.Community Community, CommunityCommissions Commissions, FlashSale Sale)> SetUpBoth(long first, string play, int buyers, int stock, int perMemberLimit)
    {
        var commissions = new CommunityCommissions(ClusterFixture.Calculator, new CommissionLedger(ClusterFixture.LedgerOptions, fixture.Clock), ClusterFixture.RoleMap);
        var community = fixture.SingleProcess(commissions);
        foreach (var command in Enumerable.Range(0, buyers + 1).Select(i => i == 0 ? new RegisterMember(first) : new RegisterMember(first + i, first)))
        {
            community.Execute(command);
            var outcome = await Grains.GetGrain<IMemberGrain>(command.Member.Value).Execute(command);
            Assert.True(outcome.Accepted, outcome.Accepted ? "" : outcome.Refusals[0].Message);
        }

        var now = fixture.Clock.GetUtcNow();
        var sale = new FlashSale(community, new CampaignOptions(), fixture.Clock);
        sale.Schedule(play, OnlineCourses, FlashPrice, now.AddHours(-1), now.AddHours(1), stock, perMemberLimit);
        var scheduled = await Grains.GetGrain<IFlashSaleGrain>(play).Schedule(OnlineCourses, FlashPrice, now.AddHours(-1), now.AddHours(1), stock, perMemberLimit);
        Assert.True(scheduled.Accepted, scheduled.Accepted ? "" : scheduled.Refusals[0].Message);
        return (community, commissions, sale);
    }

    // The same play events, the same orders of every member and the same balances, to the fen.
    private async Task AssertSameAs(CommunityModel.Community community, CommunityCommissions commissions, FlashSale sale, long first, string play, int members)
    {
        var grain = Grains.GetGrain<IFlashSaleGrain>(play);
        var expected = sale.State;
        var events = await grain.GetEvents();
        Assert.Equal(expected.Sales.AsEnumerable(), events.OfType<FlashSaleSold>());
        Assert.Equal(expected.Stage == FlashSaleStage.SoldOut, events.OfType<FlashSaleSoldOut>().Any());
        for (var i = 0; i < members; i++)
        {
            var member = Grains.GetGrain<IMemberGrain>(first + i);
            Assert.Equal(community.OrdersOf(first + i).AsEnumerable(), await member.GetOrders());
            Assert.Equal(AccountBalance.From(commissions.Ledger.BalanceOf(first + i)), await member.GetBalance());
        }
    }

    private Task<CommandOutcome> Buy(long member, string orderId, string play) =>
        Grains.GetGrain<IMemberGrain>(member).Execute(new PlaceOrder(member, orderId, OnlineCourses, FlashPrice, "flash sale") { Play = play, PlayKind = PlayKind.FlashSale });

    private static string? Try(Func<PlaySale> buy)
    {
        try
        {
            buy();
            return null;
        }
        catch (CommunityModelException e)
        {
            return e.Refusals[0].Code;
        }
    }
}
