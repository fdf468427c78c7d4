using System.Collections.Immutable;

namespace CommunityModel.Credits;

/// <summary>Everything the referral credits ledger knows at one moment; round-trips through <see cref="Persistence.CommunityJsonContext"/>.</summary>
/// <param name="Accounts">Every member's account.</param>
/// <param name="Earnings">Every order that earned credits.</param>
/// <param name="Redemptions">Every redemption.</param>
/// <param name="Reversals">Every reversal.</param>
public sealed record CreditsSnapshot(
    ImmutableArray<CreditAccount> Accounts,
    ImmutableArray<CreditEarning> Earnings,
    ImmutableArray<CreditRedemption> Redemptions,
    ImmutableArray<CreditReversal> Reversals);
