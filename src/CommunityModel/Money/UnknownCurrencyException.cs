namespace CommunityModel;

/// <summary>Thrown when a currency code is not an ISO 4217 code that CommunityModel knows.</summary>
public sealed class UnknownCurrencyException : CommunityModelException
{
    /// <summary>Creates the error for the code that was asked for.</summary>
    /// <param name="code">The code that is not known (as given, possibly null or empty).</param>
    public UnknownCurrencyException(string? code)
        : base(ErrorCodes.UnknownCurrency, $"'{code}' is not a known ISO 4217 currency code (expected three letters such as CNY, USD or JPY).")
    {
        Code = code;
    }

    /// <summary>The code that was asked for.</summary>
    public string? Code { get; }
}
