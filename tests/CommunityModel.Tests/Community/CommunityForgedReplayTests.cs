using CommunityModel.Memberships;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Memberships.SeedBusiness;

namespace CommunityModel.Tests.Community;

/// <summary>
/// A stored community stream that was tampered with must not replay into money nobody paid or was given back: the
/// community, and a member's stream folded alone, refuse it at the event's index.
/// </summary>
public class CommunityForgedReplayTests
{
    private static readonly MemberId Alice = 2;
    private readonly FakeTimeProvider _clock = new(TestCommunity.Start);
    private readonly List<IDomainEvent> _history = [];

    public CommunityForgedReplayTests()
    {
        var community = TestCommunity.Create(_clock);
        _history.AddRange(community.Execute(new RegisterMember(Alice)).Events);
        _history.AddRange(community.Execute(new PlaceOrder(Alice, "o-1", Bootcamp)).Events);
        _history.AddRange(community.Execute(new RefundOrder(Alice, "o-1", "r-1", Money.Cny(100m))).Events);
        _history.AddRange(community.Execute(new PlaceOrder(Alice, "o-2", Vip)).Events);
    }

    public static TheoryData<string> Forgeries => [.. Forge.Keys];

    [Fact]
    public void The_genuine_history_replays()
    {
        var replayed = CommunityModel.Community.Replay(_history, TestCommunity.Create(_clock));

        Assert.Equal(2, replayed.OrdersOf(Alice).Length);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_order_or_refund_is_refused_by_the_community_at_its_index(string forgery)
    {
        var (index, forged, events) = Forged(forgery);

        var error = Assert.Throws<ReplayException>(() => CommunityModel.Community.Replay(events, TestCommunity.Create(_clock)));

        Assert.Equal(ErrorCodes.CommunityReplayMismatch, error.ErrorCode);
        Assert.Equal(index, error.Index);
        Assert.Same(forged, error.Event);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_order_or_refund_is_refused_by_the_members_stream_folded_alone(string forgery)
    {
        var (_, forged, events) = Forged(forgery);
        var stream = TestCommunity.Create(_clock).Stream;

        var error = Assert.Throws<ReplayException>(() => events.Aggregate(MemberStreamState.Empty(Alice), stream.Evolve));

        Assert.Equal(ErrorCodes.CommunityReplayMismatch, error.ErrorCode);
        Assert.Same(forged, error.Event);
    }

    private (int Index, IDomainEvent Forged, List<IDomainEvent> Events) Forged(string forgery)
    {
        var (index, forged) = Forge[forgery](_history);
        var events = _history.ToList();
        if (index < events.Count && forgery != "an order recorded twice")
        {
            events[index] = forged;
        }
        else
        {
            events.Insert(index, forged);
        }

        return (index, forged, events);
    }

    private static readonly Dictionary<string, Func<List<IDomainEvent>, (int, IDomainEvent)>> Forge = new()
    {
        ["a product bought above its list price"] = h => At<ProductPurchased>(h, p => p with { Paid = p.ListPrice + Money.Cny(1m) }),
        ["a negative price"] = h => At<ProductPurchased>(h, p => p with { Paid = Money.Cny(-1m) }),
        ["a refund above what is left"] = h => At<ProductRefunded>(h, r => r with { Amount = Money.Cny(10_000m) }),
        ["a zero refund"] = h => At<ProductRefunded>(h, r => r with { Amount = Money.Cny(0m) }),
        ["a negative refund"] = h => At<ProductRefunded>(h, r => r with { Amount = Money.Cny(-100m) }),
        ["a refund in another currency"] = h => At<ProductRefunded>(h, r => r with { Amount = new Money(1m, Currency.USD) }),
        ["an order recorded twice"] = h => (h.FindIndex(e => e is MembershipPurchased) + 1, h.OfType<ProductPurchased>().First()),
    };

    private static (int, IDomainEvent) At<T>(List<IDomainEvent> history, Func<T, T> forge) where T : IDomainEvent
    {
        var index = history.FindIndex(e => e is T);
        return (index, forge((T)history[index]));
    }
}
