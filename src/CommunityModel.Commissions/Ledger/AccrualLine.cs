using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Ledger;

/// <summary>One line of an order line's accrual, above zero: what the ledger enters for it.</summary>
/// <param name="Key">The ledger key: order line, beneficiary, rule.</param>
/// <param name="Level">The level paid for a level line; 0 for other kinds.</param>
/// <param name="Amount">The amount in minor units, above zero.</param>
internal readonly record struct AccrualLine(CommissionKey Key, int Level, long Amount);
