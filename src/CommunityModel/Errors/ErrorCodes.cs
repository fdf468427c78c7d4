namespace CommunityModel;

/// <summary>
/// The stable error codes of <see cref="CommunityModelException"/> and its subclasses. Codes never
/// change meaning once published; new codes are only ever added.
/// </summary>
public static class ErrorCodes
{
    /// <summary>An operation mixed amounts of two different currencies.</summary>
    public const string CurrencyMismatch = "money.currency_mismatch";

    /// <summary>A currency code is not an ISO 4217 code that CommunityModel knows.</summary>
    public const string UnknownCurrency = "money.unknown_currency";

    /// <summary>An amount has more decimal places than its currency's minor unit allows.</summary>
    public const string AmountPrecision = "money.amount_precision";

    /// <summary>An amount does not fit the range of minor units CommunityModel can hold.</summary>
    public const string AmountOverflow = "money.amount_overflow";

    /// <summary>The weights or part count of an allocation are unusable (empty, negative or all zero).</summary>
    public const string InvalidAllocation = "money.invalid_allocation";
}
