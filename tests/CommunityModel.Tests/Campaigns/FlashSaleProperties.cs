using System.Collections.Concurrent;
using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The flash sale under concurrent buyers: never oversold, the per-member limit held, every accepted sale paid once.</summary>
public class FlashSaleProperties
{
    private static Arbitrary<(int Stock, int Limit, int[] Buyers)> Rushes { get; } =
        Gen.Choose(1, 12).SelectMany(stock => Gen.Choose(1, 3).SelectMany(limit =>
            Gen.Choose(1, 8).ArrayOf().Select(buyers => (stock, limit, buyers))))
        .ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Concurrent_buyers_on_threads_never_oversell_and_each_accepted_sale_is_paid_exactly_once() =>
        Prop.ForAll(Rushes, rush =>
        {
            var clock = new FakeTimeProvider(PlayFixture.Start);
            var community = PlayFixture.Community(clock, 8);
            var sale = new FlashSale(community, PlayFixture.Options(), clock);
            var events = new ConcurrentQueue<IPlayEvent[]>();
            sale.Schedule("rush", OnlineCourses, Money.Cny(99.90m), PlayFixture.Start, PlayFixture.Start.AddHours(1), rush.Stock, rush.Limit);
            var attempts = rush.Buyers.Concat(rush.Buyers).Select((buyer, i) => (Buyer: (MemberId)buyer, OrderId: $"o-{i}")).ToArray();
            var accepted = new ConcurrentBag<(MemberId Buyer, string OrderId)>();

            Parallel.ForEach(attempts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, attempt =>
            {
                try
                {
                    var done = sale.Buy(attempt.Buyer, attempt.OrderId);
                    accepted.Add(attempt);
                    events.Enqueue([.. done.Events]);
                }
                catch (CampaignException e) when (e.ErrorCode is ErrorCodes.CampaignSoldOut or ErrorCodes.CampaignMemberLimit)
                {
                }
            });

            var orders = community.OrdersOfPlay("rush");
            Assert.True(sale.State.Sold <= rush.Stock, $"sold {sale.State.Sold} of {rush.Stock}");
            Assert.Equal(Math.Min(rush.Stock, attempts.GroupBy(a => a.Buyer).Sum(g => Math.Min(rush.Limit, g.Count()))), sale.State.Sold);
            Assert.All(orders.GroupBy(o => o.Member), g => Assert.True(g.Count() <= rush.Limit));
            Assert.Equal(accepted.Select(a => a.OrderId).Order(), orders.Select(o => o.OrderId).Order());
            Assert.Equal(orders.Length, orders.Select(o => o.OrderId).Distinct().Count());
            Assert.Equal(Money.Cny(99.90m * orders.Length), orders.Aggregate(Money.Zero(Currency.CNY), (s, o) => s + o.Paid));
            Assert.Equal(sale.State.Sales.Select(s => s.OrderId).Order(), orders.Select(o => o.OrderId).Order());
        });

    [Property(MaxTest = 60)]
    public Property The_state_after_any_requests_equals_the_replay_of_their_events() =>
        Prop.ForAll(Rushes, Gen.Choose(0, 90).ToArbitrary(), (rush, closeAfter) =>
        {
            var clock = new FakeTimeProvider(PlayFixture.Start);
            var community = PlayFixture.Community(clock, 8);
            var sale = new FlashSale(community, PlayFixture.Options(), clock);
            var events = new List<IPlayEvent>(sale.Schedule("fs", OnlineCourses, Money.Cny(99.90m), PlayFixture.Start.AddMinutes(5), PlayFixture.Start.AddMinutes(60), rush.Stock, rush.Limit).Events);
            for (var i = 0; i < rush.Buyers.Length; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                try
                {
                    events.AddRange(sale.Buy(rush.Buyers[i], $"o-{i}").Events);
                }
                catch (CampaignException)
                {
                }
            }

            if (closeAfter < 45)
            {
                events.AddRange(sale.Close("by hand").Events);
            }

            var replayed = FlashSale.Replay(events, community, PlayFixture.Options(), clock);
            Assert.Equal(PlayFixture.Json(sale.State), PlayFixture.Json(replayed.State));
            Assert.Equal(events.Count, replayed.Applied);
        });
}
