namespace CommunityModel.Commissions.Ledger;

/// <summary>One member's withdrawal totals in a <see cref="LedgerSnapshot"/> (its commissions are the entries naming it).</summary>
/// <param name="Member">The member.</param>
/// <param name="Withdrawing">Requested and not yet paid or rejected.</param>
/// <param name="PaidOut">Withdrawn and paid, fees included.</param>
/// <param name="FeesPaid">The fees withheld from paid withdrawals.</param>
public readonly record struct LedgerSnapshotAccount(MemberId Member, Money Withdrawing, Money PaidOut, Money FeesPaid);
