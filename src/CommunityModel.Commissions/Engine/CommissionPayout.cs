namespace CommunityModel.Commissions.Engine;

/// <summary>
/// One commission paid on an order, in its compact form for the hot path: who earns (a dense index of
/// the <see cref="Referrals.NetworkSnapshot"/>), at which level, and how much in minor units of the plan
/// currency. The allocation-free <see cref="CommissionCalculator"/> overloads write these into a span;
/// <see cref="CommissionLine"/> is the same payout explained.
/// </summary>
/// <param name="Beneficiary">The dense index of the member who earns; <see cref="Referrals.NetworkSnapshot.MemberAt"/> names it.</param>
/// <param name="Level">The level paid, 1 for the buyer's nearest eligible upline.</param>
/// <param name="MinorUnits">The commission in minor units of the plan currency (fen for CNY); always positive.</param>
public readonly record struct CommissionPayout(int Beneficiary, int Level, long MinorUnits);
