namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// A member's commission balance as of a moment. <c>Pending + Available + Withdrawing + PaidOut</c> is
/// everything earned net of refunds. <see cref="Available"/> is negative when refunds took back money
/// already paid out: the debit nets against later earnings, and withdrawals are refused meanwhile.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Pending">Commissions still in their freeze period.</param>
/// <param name="Available">What may be withdrawn; negative while a clawback is outstanding.</param>
/// <param name="Withdrawing">Requested withdrawals not yet paid or rejected.</param>
/// <param name="PaidOut">Withdrawals paid, fees included.</param>
/// <param name="FeesPaid">The fees withheld from paid withdrawals.</param>
public sealed record CommissionBalance(MemberId Member, Money Pending, Money Available, Money Withdrawing, Money PaidOut, Money FeesPaid)
{
    /// <summary>Everything earned, net of refunds: pending + available + withdrawing + paid out.</summary>
    public Money NetEarned => Pending.Add(Available).Add(Withdrawing).Add(PaidOut);
}
