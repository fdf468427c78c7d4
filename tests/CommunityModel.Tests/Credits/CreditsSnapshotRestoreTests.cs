using CommunityModel.Credits;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Credits;

/// <summary>
/// A snapshot restores only into an empty ledger and only when it is consistent: each contradiction is named in the
/// refusal, and nothing is restored.
/// </summary>
public class CreditsSnapshotRestoreTests
{
    private const string Heading = "The credits snapshot cannot be restored: ";
    private static readonly DateTimeOffset At = CreditsFixture.Start;

    // Member 1 holds the 460 credits member 2's ¥3,600 order earned.
    private static readonly CreditAccount Holder = new(1, [new CreditLot("o-1", 460, At, null)], 0, 460, 0, 0, 0);
    private static readonly CreditEarning Earning = new("o-1", 1, 2, "vip", Money.Cny(3600m), 460, Money.Cny(0m), 0, 0, At);

    private readonly FakeTimeProvider _clock = new(At);

    public static TheoryData<string> Parts => ["accounts", "earnings", "redemptions", "reversals"];

    public static TheoryData<string> BrokenAccounts => [.. BrokenAccount.Keys];

    public static TheoryData<string> BrokenEarnings => [.. BrokenEarning.Keys];

    // Each account is wrong in one way only and otherwise conserves its credits: earned = redeemed + expired + reversed + held − debt.
    private static Dictionary<string, CreditAccount> BrokenAccount { get; } = new()
    {
        ["an empty lot"] = Holder with { Lots = [new CreditLot("o-1", 0, At, null)], Earned = 0 },
        ["a lot of no order"] = Holder with { Lots = [new CreditLot(" ", 460, At, null)] },
        ["a negative debt"] = Holder with { Debt = -1, Earned = 461 },
        ["negative earnings"] = Holder with { Lots = [], Debt = 1, Earned = -1 },
        ["negative redemptions"] = Holder with { Earned = 459, Redeemed = -1 },
        ["negative expiries"] = Holder with { Earned = 459, Expired = -1 },
        ["negative reversals"] = Holder with { Earned = 459, Reversed = -1 },
    };

    private static Dictionary<string, CreditEarning> BrokenEarning { get; } = new()
    {
        ["negative credits"] = Earning with { Credits = -1 },
        ["negative reversals"] = Earning with { Reversed = -1 },
        ["negative expiries"] = Earning with { Expired = -1 },
        ["more reversed and expired than earned"] = Earning with { Reversed = 300, Expired = 200 },
        ["an unpaid order"] = Earning with { Paid = Money.Cny(0m) },
        ["a refund in another currency"] = Earning with { Refunded = Money.Usd(1m) },
        ["more refunded than paid"] = Earning with { Refunded = Money.Cny(3600.01m) },
    };

    [Theory]
    [MemberData(nameof(Parts))]
    public void A_ledger_holding_anything_is_not_empty_and_refuses_a_restore(string part)
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Restore(part switch
        {
            "accounts" => new CreditsSnapshot([Holder], [], [], []),
            "earnings" => new CreditsSnapshot([], [Earning], [], []),
            "redemptions" => new CreditsSnapshot([], [], [new CreditRedemption("x-1", 1, "trial-class", 50, At)], []),
            _ => new CreditsSnapshot([], [], [], [new CreditReversal("r-1", "o-1", Money.Cny(100m), 12)]),
        });

        var error = Assert.Throws<CreditsException>(() => ledger.Restore(new CreditsSnapshot([], [], [], [])));

        Assert.Equal((ErrorCodes.CreditsInvalidSnapshot, Heading + "the ledger it is restored into is not empty."), (error.ErrorCode, error.Message));
    }

    [Fact]
    public void Every_problem_is_named_in_one_refusal()
    {
        var ledger = CreditsFixture.Ledger(_clock);
        ledger.Restore(new CreditsSnapshot([Holder], [Earning], [], []));
        var redemption = new CreditRedemption("x-1", 1, "trial-class", 50, At);
        var reversal = new CreditReversal("r-1", "o-1", Money.Cny(100m), 12);

        var error = Assert.Throws<CreditsException>(() => ledger.Restore(new CreditsSnapshot([Holder, Holder], [], [redemption, redemption], [reversal, reversal])));

        Assert.Equal(
            Heading + "the ledger it is restored into is not empty; holds the account of member 1 twice; holds redemption 'x-1' twice; holds the reversal of refund 'r-1' of order 'o-1' twice.",
            error.Message);
        Assert.Equal(460, ledger.Balance(1));
    }

    [Fact]
    public void A_snapshot_without_its_lists_is_refused_in_words()
    {
        var error = Assert.Throws<CreditsException>(() => CreditsFixture.Ledger(_clock).Restore(new CreditsSnapshot([], [], default, [])));

        Assert.Equal(Heading + "it lacks its accounts, earnings, redemptions or reversals.", error.Message);
    }

    [Theory]
    [MemberData(nameof(BrokenAccounts))]
    public void An_account_with_a_negative_amount_an_empty_lot_or_a_lot_of_no_order_is_refused(string broken)
    {
        var ledger = CreditsFixture.Ledger(_clock);

        var error = Assert.Throws<CreditsException>(() => ledger.Restore(new CreditsSnapshot([BrokenAccount[broken]], [Earning], [], [])));

        Assert.Equal(Heading + "holds a negative amount, an empty lot or a lot of no order in the account of member 1.", error.Message);
        Assert.Empty(ledger.Accounts);
    }

    [Fact]
    public void An_account_that_holds_lots_and_a_debt_or_does_not_conserve_its_credits_is_refused_with_its_totals()
    {
        // Both conserve (10 = 5 reversed + 10 held − 5 debt), but a debt is paid before a lot forms.
        var lotsAndDebt = new CreditAccount(1, [new CreditLot("o-1", 10, At, null)], 5, 10, 0, 0, 5);
        // Two lots hold 15, one more than earned.
        var unconserved = new CreditAccount(3, [new CreditLot("o-2", 10, At, null), new CreditLot("o-3", 4, At, null)], 0, 13, 0, 0, 0);

        var error = Assert.Throws<CreditsException>(() => CreditsFixture.Ledger(_clock).Restore(new CreditsSnapshot([lotsAndDebt, unconserved], [], [], [])));

        Assert.Equal(
            Heading + "does not conserve the credits of member 1: earned 10, redeemed 0, expired 0, reversed 5, held 10, debt 5; "
                + "does not conserve the credits of member 3: earned 13, redeemed 0, expired 0, reversed 0, held 14, debt 0.",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(BrokenEarnings))]
    public void An_earning_with_negative_or_impossible_amounts_is_refused_naming_them(string broken)
    {
        var e = BrokenEarning[broken];

        var error = Assert.Throws<CreditsException>(() => CreditsFixture.Ledger(_clock).Restore(new CreditsSnapshot([], [e], [], [])));

        Assert.Equal(
            Heading + $"holds the earning of order 'o-1' with {e.Credits} credit(s), {e.Reversed} reversed and {e.Expired} expired, paid {e.Paid} and refunded {e.Refunded}.",
            error.Message);
    }

    [Fact]
    public void A_ledger_in_debt_and_with_an_earning_of_no_credits_restores_and_goes_on_where_it_stopped()
    {
        // Member 1 spends the 100 credits of member 2's order, the order is refunded (a debt of 100); member 3's order earns
        // member 4 nothing, as a stored event may: an account and an earning of zero.
        var options = new CreditOptions { PerReferral = 100, PerPurchase = 1, Prices = { ["perk"] = 101 } };
        var ledger = new ReferralCredits(options, _clock);
        ledger.Earn(new ReferredOrder(1, 2, "o-1", "vip", Money.Cny(10m)));
        ledger.Redeem(1, "x-1", "perk");
        ledger.Reverse("o-1", "r-1", Money.Cny(10m));
        ledger.Apply(new CreditsEarned(4, 3, "o-2", "vip", Money.Cny(10m), 0, 0, 0, null, At));
        var snapshot = ledger.ToSnapshot();
        var stored = snapshot with { Accounts = [.. snapshot.Accounts.Select(a => a with { Lots = default })] }; // written without lots

        var restored = new ReferralCredits(options, _clock);
        restored.Restore(stored);

        Assert.Equal(CreditsJson.Of(snapshot), CreditsJson.Of(restored.ToSnapshot()));
        Assert.Equal((-101L, 0L), (restored.Balance(1), restored.Balance(4)));
        Assert.True(restored.TryGetEarning("o-2", out var nothing));
        Assert.Equal(0, nothing.Credits);

        // Member 2 was already referred: a second order earns only its purchase credit, which pays part of the debt.
        var again = Assert.IsType<CreditsEarned>(Assert.Single(restored.Earn(new ReferredOrder(1, 2, "o-3", "vip", Money.Cny(10m))).Events));
        Assert.Equal((0L, 1L), (again.ForReferral, again.ForPurchase));
        Assert.Equal(-100, restored.Balance(1));
    }
}
