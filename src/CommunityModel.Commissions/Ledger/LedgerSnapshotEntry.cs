using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Ledger;

/// <summary>One accrued commission of a <see cref="LedgerSnapshot"/>.</summary>
/// <param name="Key">The order line, beneficiary and rule.</param>
/// <param name="Level">The upline level it was paid at.</param>
/// <param name="Amount">The amount accrued.</param>
/// <param name="Reversed">The part of it refunds reversed.</param>
/// <param name="AvailableAt">When it leaves the freeze period.</param>
public readonly record struct LedgerSnapshotEntry(CommissionKey Key, int Level, Money Amount, Money Reversed, DateTimeOffset AvailableAt);
