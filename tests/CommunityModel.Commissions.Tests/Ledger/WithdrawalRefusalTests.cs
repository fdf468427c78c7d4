using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Ledger;

/// <summary>Withdrawal refusals name the argument that was wrong; plan problems read as refusals like every other error.</summary>
public class WithdrawalRefusalTests : LedgerTestBase
{
    [Fact]
    public void A_refused_withdrawal_names_the_amount_or_the_id()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        Ledger.RequestWithdrawal("w1", 4, Money.Cny(100m));

        var negative = Ledger.TryRequestWithdrawal("w2", 4, Money.Cny(-1m));
        var small = Ledger.TryRequestWithdrawal("w2", 4, Money.Cny(5m));
        var over = Ledger.TryRequestWithdrawal("w2", 4, Money.Cny(300m));
        var reused = Ledger.TryRequestWithdrawal("w1", 3, Money.Cny(100m));

        Assert.Equal(("amount", CommissionErrorCodes.InvalidRequest), Only(negative));
        Assert.Equal(("amount", CommissionErrorCodes.WithdrawalBelowMinimum), Only(small));
        Assert.Equal(("amount", CommissionErrorCodes.InsufficientBalance), Only(over));
        Assert.Equal(("withdrawalId", CommissionErrorCodes.IdConflict), Only(reused));
        var error = Assert.Throws<WithdrawalRefusedException>(() => reused.GetValueOrThrow());
        Assert.Equal<Refusal>(reused.Refusals, error.Refusals);
        Assert.Equal(("w1", new MemberId(3)), (error.WithdrawalId, error.Member));
    }

    [Fact]
    public void A_negative_balance_is_refused_as_the_members()
    {
        var withdrawal = LedgerWithPaidWithdrawal();
        Ledger.Refund("o1", "r1", Money.Cny(3600m));

        var refused = Ledger.TryRequestWithdrawal("w2", 4, Money.Cny(10m));

        Assert.NotNull(withdrawal);
        Assert.Equal(("member", CommissionErrorCodes.InsufficientBalance), Only(refused));
    }

    [Fact]
    public void A_plans_problems_are_its_refusals_each_with_its_code()
    {
        var error = new CommissionPlanException("p", [new CommissionPlanProblem(CommissionErrorCodes.RanksUnordered, "Ranks go down."), new CommissionPlanProblem(CommissionErrorCodes.InvalidRank, "Rank 'x' is empty.")]);
        var bare = new CommissionPlanException("p", System.Collections.Immutable.ImmutableArray<CommissionPlanProblem>.Empty);

        Assert.Equal([CommissionErrorCodes.RanksUnordered, CommissionErrorCodes.InvalidRank], error.Refusals.Select(r => r.Code));
        Assert.Equal(["Ranks go down.", "Rank 'x' is empty."], error.Refusals.Select(r => r.Message));
        Assert.Equal(CommissionErrorCodes.RanksUnordered, error.ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidPlan, Assert.Single(bare.Refusals).Code);
        Assert.Equal(CommissionErrorCodes.InvalidPlan, bare.ErrorCode);
    }

    private WithdrawalRequested? LedgerWithPaidWithdrawal()
    {
        Ledger.Accrue(Order("o1", 3600m), Start);
        Clock.Advance(TimeSpan.FromDays(7));
        var withdrawal = Ledger.RequestWithdrawal("w1", 4, Money.Cny(360m));
        Ledger.MarkWithdrawalPaid("w1");
        return withdrawal;
    }

    private static (string? Field, string Code) Only(Attempt<AcceptedWithdrawal> attempt)
    {
        var refusal = Assert.Single(attempt.Refusals);
        return (refusal.Field, refusal.Code);
    }
}
