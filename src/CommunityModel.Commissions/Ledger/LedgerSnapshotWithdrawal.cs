namespace CommunityModel.Commissions.Ledger;

/// <summary>One withdrawal of a <see cref="LedgerSnapshot"/>.</summary>
/// <param name="Request">The request.</param>
/// <param name="Settled">Whether it was paid or rejected.</param>
public sealed record LedgerSnapshotWithdrawal(WithdrawalRequested Request, bool Settled);
