namespace CommunityModel.Memberships;

/// <summary>A tier's price against buying its contents one by one (à la carte).</summary>
/// <param name="TierId">The tier.</param>
/// <param name="Price">The tier's price per term.</param>
/// <param name="ALaCarte">The sum of its entitlements' standalone values.</param>
/// <param name="Saving">What the bundle saves: à la carte minus price (negative when the bundle is dearer).</param>
/// <param name="SavingRate">The saving as a share of the à la carte total; zero when that total is zero.</param>
public sealed record TierQuote(string TierId, Money Price, Money ALaCarte, Money Saving, Rate SavingRate);
