namespace CommunityModel.Memberships;

/// <summary>What an immediate upgrade would cost today.</summary>
/// <param name="FromTierId">The current tier.</param>
/// <param name="ToTierId">The dearer tier.</param>
/// <param name="Term">The term the upgrade buys.</param>
/// <param name="Price">The price of that term: the new tier's price, prorated to the remaining time when the term end is kept.</param>
/// <param name="Credit">The credit for the unused part of what was paid, minus consumed one-off entitlements; between zero and what was paid.</param>
/// <param name="ConsumedValue">The standalone value of consumed one-off entitlements deducted from the credit.</param>
/// <param name="CreditApplied">The credit (with any earlier credit) used towards the price.</param>
/// <param name="AmountDue">The cash to pay: the price minus the credit applied.</param>
public sealed record UpgradeQuote(string FromTierId, string ToTierId, TermPeriod Term, Money Price, Money Credit, Money ConsumedValue, Money CreditApplied, Money AmountDue);
