namespace CommunityModel;

/// <summary>
/// Thrown when an amount has more decimal places than its currency's minor unit allows
/// (e.g. 3600.005 CNY) and no <see cref="RoundingMode"/> was given to say how to round it.
/// </summary>
public sealed class AmountPrecisionException : CommunityModelException
{
    /// <summary>Creates the error for <paramref name="amount"/> in <paramref name="currency"/>.</summary>
    /// <param name="amount">The amount that was too precise.</param>
    /// <param name="currency">The currency whose minor unit it does not fit.</param>
    public AmountPrecisionException(decimal amount, Currency currency)
        : base(ErrorCodes.AmountPrecision, $"{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} has more than {currency.MinorDigits} decimal place(s), the minor unit of {currency.Code}; pass a RoundingMode to round it.")
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount that was too precise.</summary>
    public decimal Amount { get; }

    /// <summary>The currency whose minor unit the amount does not fit.</summary>
    public Currency Currency { get; }
}
