using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>
/// A stored event that does not follow from the state before it is refused on replay with a problem that names its
/// values, and a reversal never takes back more than its order has left after earlier reversals and expiries.
/// </summary>
public class CreditsReplayRefusalTests
{
    private static readonly DateTimeOffset At = CreditsFixture.Start;

    // Member 1 referred member 2, whose ¥3,600 order earned 1 a referral bonus of 100 and 360 for the purchase.
    private static readonly CreditsEarned Earned = new(1, 2, "o-1", "vip", Money.Cny(3600m), 100, 360, 0, null, At);

    private readonly ReferralCredits _ledger = CreditsFixture.Ledger(new FakeTimeProvider(At));

    public CreditsReplayRefusalTests() => _ledger.Apply(Earned);

    public static TheoryData<string> Misfits => [.. Misfit.Keys];

    private static Dictionary<string, (ICreditEvent Event, string Problem)> Misfit { get; } = new()
    {
        ["an order that already earned"] = (Earned, $"CreditsEarned at {At:O} earns for order 'o-1', which already earned, or with a negative amount, an unpaid order or a member referring themself"),
        ["a redemption beyond the credits held"] = (new CreditsRedeemed(1, "x-1", "bootcamp", 461, At), $"CreditsRedeemed at {At:O} spends 461 credit(s) of member 1, who holds 460, or repeats redemption 'x-1'"),
        ["an expiry of part of a lot"] = (new CreditsExpired(1, "o-1", 459, At), $"CreditsExpired at {At:O} expires 459 credit(s) of order 'o-1', which member 1 does not hold as a lot"),
        ["an expiry for a member without an account"] = (new CreditsExpired(3, "o-1", 460, At), $"CreditsExpired at {At:O} expires 460 credit(s) of order 'o-1', which member 3 does not hold as a lot"),
        ["a reversal beyond the order's credits"] = (new CreditsReversed(1, "o-1", "r-1", Money.Cny(3600m), 461, At), $"CreditsReversed at {At:O} takes back 461 credit(s) of order 'o-1' for refund 'r-1' of {Money.Cny(3600m)}, which does not follow from what the order earned or repeats the refund"),
        ["an event of an unknown kind"] = (new UnknownEvent(1, At), $"UnknownEvent at {At:O} is not a credits event this version knows"),
    };

    [Theory]
    [MemberData(nameof(Misfits))]
    public void An_event_that_does_not_follow_is_refused_naming_its_values(string misfit)
    {
        var (e, problem) = Misfit[misfit];

        var error = Assert.Throws<ReplayException>(() => _ledger.Apply(e));

        Assert.Equal((ErrorCodes.CreditsReplayMismatch, 1, problem), (error.ErrorCode, error.Index, error.Problem));
        Assert.Equal(460, _ledger.Balance(1));
    }

    [Fact]
    public void A_reversal_cannot_take_back_more_than_is_left_after_earlier_reversals()
    {
        _ledger.Apply(new CreditsReversed(1, "o-1", "r-1", Money.Cny(1800m), 200, At));
        var tooMuch = new CreditsReversed(1, "o-1", "r-2", Money.Cny(100m), 261, At);

        Assert.Equal(2, Assert.Throws<ReplayException>(() => _ledger.Apply(tooMuch)).Index);
        _ledger.Apply(tooMuch with { Credits = 260 });

        Assert.Equal((0L, 460L), (_ledger.Balance(1), _ledger.Account(1).Reversed));
    }

    [Fact]
    public void A_reversal_cannot_take_back_credits_that_expired()
    {
        // 60 of the 460 are spent, the other 400 expire: a refund can take back at most the 60 spent, as a debt.
        var ledger = CreditsFixture.Ledger(new FakeTimeProvider(At));
        ledger.Apply(Earned with { ExpiresAt = At.AddDays(1) });
        ledger.Apply(new CreditsRedeemed(1, "x-1", "bootcamp", 60, At));
        ledger.Apply(new CreditsExpired(1, "o-1", 400, At.AddDays(1)));
        var tooMuch = new CreditsReversed(1, "o-1", "r-1", Money.Cny(3600m), 61, At.AddDays(2));

        Assert.Equal(3, Assert.Throws<ReplayException>(() => ledger.Apply(tooMuch)).Index);
        ledger.Apply(tooMuch with { Credits = 60 });

        Assert.Equal((-60L, 400L, 60L), (ledger.Balance(1), ledger.Account(1).Expired, ledger.Account(1).Reversed));
    }

    private sealed record UnknownEvent(MemberId Member, DateTimeOffset OccurredAt) : ICreditEvent;
}
