namespace CommunityModel.Memberships;

/// <summary>One grant in a member's entitlement ledger: a product, a quota for a term and how much of it was used.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Uses granted; null for unlimited use.</param>
/// <param name="Consumed">Uses so far; never more than <paramref name="Quantity"/>.</param>
/// <param name="UnitValue">The standalone price per use, deducted from credits and refunds for one-off entitlements.</param>
/// <param name="Validity">The term during which it may be used.</param>
public readonly record struct EntitlementLot(string ProductId, int? Quantity, int Consumed, Money UnitValue, TermPeriod Validity)
{
    /// <summary>Uses left; null when unlimited. Never negative.</summary>
    public int? Remaining => Quantity - Consumed;

    /// <summary>Whether the grant can be used on the day: the day is in its term and uses are left.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when usable.</returns>
    public bool IsUsableOn(DateOnly date) => Validity.Contains(date) && Remaining is null or > 0;

    /// <summary>The standalone value of the uses consumed, for a one-off (limited) entitlement; zero for an unlimited one.</summary>
    public Money ConsumedValue => Quantity is null ? Money.Zero(UnitValue.Currency) : UnitValue * Consumed;
}
