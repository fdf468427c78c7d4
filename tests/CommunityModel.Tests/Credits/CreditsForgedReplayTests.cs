using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>
/// A stored credits stream that was tampered with must not replay into credits the ledger never granted: each forged
/// amount, sign, currency or party is refused at the event's index, and the events before it stay applied.
/// </summary>
public class CreditsForgedReplayTests
{
    private static readonly DateTimeOffset At = CreditsFixture.Start;

    // Member 1 referred member 2, whose ¥3,600 order earned 1 a referral bonus of 100 and 360 for the purchase.
    private static readonly CreditsEarned Earned = new(1, 2, "o-1", "vip", Money.Cny(3600m), 100, 360, 0, null, At);

    public static TheoryData<string> Forgeries => [.. Forge.Keys];

    private static Dictionary<string, ICreditEvent> Forge { get; } = new()
    {
        ["a negative referral bonus"] = Earned with { OrderId = "o-2", Referred = 3, ForReferral = -100 },
        ["a negative purchase share"] = Earned with { OrderId = "o-2", Referred = 3, ForPurchase = -1 },
        ["a negative item bonus"] = Earned with { OrderId = "o-2", Referred = 3, ForItem = -1 },
        ["an order paid nothing"] = Earned with { OrderId = "o-2", Referred = 3, Paid = Money.Cny(0m) },
        ["a member referring themself"] = Earned with { OrderId = "o-2", Referred = 1 },
        ["a redemption of no credits"] = new CreditsRedeemed(1, "x-1", "bootcamp", 0, At),
        ["a redemption of minus credits"] = new CreditsRedeemed(1, "x-1", "bootcamp", -50, At),
        ["a reversal giving credits back"] = new CreditsReversed(1, "o-1", "r-1", Money.Cny(100m), -10, At),
        ["a refund in another currency"] = new CreditsReversed(1, "o-1", "r-1", Money.Usd(100m), 10, At),
        ["a refund of nothing"] = new CreditsReversed(1, "o-1", "r-1", Money.Cny(0m), 10, At),
        ["a negative refund"] = new CreditsReversed(1, "o-1", "r-1", Money.Cny(-100m), 0, At),
        ["an expiry of part of a lot"] = new CreditsExpired(1, "o-1", 100, At),
    };

    [Fact]
    public void The_genuine_stream_replays()
    {
        var ledger = ReferralCredits.Replay([Earned, new CreditsRedeemed(1, "x-1", "bootcamp", 60, At), new CreditsReversed(1, "o-1", "r-1", Money.Cny(1800m), 200, At)], CreditsFixture.Ledger(new FakeTimeProvider(At)));

        Assert.Equal(200, ledger.Balance(1));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_forged_event_is_refused_at_its_index(string forgery)
    {
        var forged = Forge[forgery];

        var error = Assert.Throws<ReplayException>(() => ReferralCredits.Replay([Earned, forged], CreditsFixture.Ledger(new FakeTimeProvider(At))));

        Assert.Equal((ErrorCodes.CreditsReplayMismatch, 1), (error.ErrorCode, error.Index));
        Assert.Same(forged, error.Event);
    }
}
