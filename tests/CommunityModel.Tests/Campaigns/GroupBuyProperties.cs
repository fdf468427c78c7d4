using CommunityModel.Campaigns;
using CommunityModel.Campaigns.GroupBuys;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Campaigns;

/// <summary>A group buy either completes or refunds every participant in full, in any order of joins and time; money is conserved to the fen.</summary>
public class GroupBuyProperties
{
    private static readonly Money Price = Money.Cny(199.99m);

    // Each step: 0 open a group, 1-3 join a group, 4 let time pass, 5 settle the expired groups.
    private static Arbitrary<(int Target, (int Kind, int Member, int Group)[] Steps)> Scripts { get; } =
        Gen.Choose(2, 4).SelectMany(target =>
            Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(1, 10).SelectMany(member => Gen.Choose(0, 3).Select(group => (kind, member, group))))
                .ArrayOf().Select(steps => (target, steps)))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Every_group_completes_or_refunds_every_participant_in_full_and_money_is_conserved() =>
        Prop.ForAll(Scripts, script =>
        {
            var clock = new FakeTimeProvider(PlayFixture.Start);
            var community = PlayFixture.Community(clock, 10);
            var (play, events) = Run(community, clock, script.Target, script.Steps, settleAll: true);

            var joined = events.OfType<GroupBuyJoined>().ToList();
            var orders = community.OrdersOfPlay("gb");
            var refunds = events.OfType<GroupBuyRefunded>().SelectMany(r => r.Refunds).ToList();
            Assert.All(play.State.Groups, g => Assert.NotEqual(GroupBuyStage.Forming, g.Stage));
            foreach (var group in play.State.Groups)
            {
                var places = group.Participants.Select(p => (p.Member, p.OrderId, p.Paid)).ToList();
                if (group.Stage == GroupBuyStage.Completed)
                {
                    Assert.Equal(script.Target, group.Participants.Length);
                    Assert.All(places, p => Assert.True(community.TryGetOrder(p.OrderId, out var o) && o.Member == p.Member && o.Paid == p.Paid && o.Play == "gb"));
                }
                else
                {
                    Assert.Equal(places, group.Refund!.Refunds.Select(r => (r.Member, r.OrderId, r.Amount)));
                    Assert.All(places, p => Assert.False(community.TryGetOrder(p.OrderId, out _)));
                }
            }

            var paidIn = Sum(joined.Select(j => j.Paid));
            Assert.Equal(paidIn, Sum(orders.Select(o => o.Paid)) + Sum(refunds.Select(r => r.Amount)));
            Assert.Equal(paidIn.MinorUnits, Price.MinorUnits * joined.Count);
        });

    [Property(MaxTest = 200)]
    public Property The_state_after_any_requests_equals_the_replay_of_their_events() =>
        Prop.ForAll(Scripts, script =>
        {
            var clock = new FakeTimeProvider(PlayFixture.Start);
            var community = PlayFixture.Community(clock, 10);
            var (play, events) = Run(community, clock, script.Target, script.Steps, settleAll: false);

            var replayed = GroupBuy.Replay(events, community, PlayFixture.Options(), clock);

            Assert.Equal(PlayFixture.Json(play.State), PlayFixture.Json(replayed.State));
        });

    private static (GroupBuy Play, List<IPlayEvent> Events) Run(CommunityModel.Community community, FakeTimeProvider clock, int target, (int Kind, int Member, int Group)[] steps, bool settleAll)
    {
        var play = new GroupBuy(community, PlayFixture.Options(), clock);
        var setup = new GroupBuyScheduled("gb", OnlineCourses, Price, target, TimeSpan.FromHours(6), 2, 12, Money.Zero(Currency.CNY), false, PlayFixture.Start, PlayFixture.Start.AddDays(30), default);
        var events = new List<IPlayEvent>(play.Schedule(setup).Events);
        var orders = 0;
        foreach (var (kind, member, group) in steps)
        {
            try
            {
                var sale = kind switch
                {
                    0 => play.OpenGroup($"g-{group}-{orders}", member, $"o-{orders++}"),
                    4 => Advance(clock, play, member),
                    5 => Settle(play),
                    _ => play.State.Groups.Length == 0 ? PlaySale.Repeat : play.Join(play.State.Groups[group % play.State.Groups.Length].Opened.GroupId, member, $"o-{orders++}"),
                };
                events.AddRange(sale.Events);
            }
            catch (CampaignException)
            {
            }
        }

        if (settleAll)
        {
            clock.Advance(TimeSpan.FromHours(7));
            events.AddRange(Settle(play).Events);
        }

        return (play, events);
    }

    private static PlaySale Advance(FakeTimeProvider clock, GroupBuy play, int hours)
    {
        clock.Advance(TimeSpan.FromHours(hours));
        return PlaySale.Repeat;
    }

    private static PlaySale Settle(GroupBuy play) =>
        new([.. play.Expired.SelectMany(g => play.Expire(g).Events)], []);

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(Currency.CNY), (s, a) => s + a);
}
