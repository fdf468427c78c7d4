namespace CommunityModel;

/// <summary>
/// Thrown when the result of a money operation does not fit the range CommunityModel holds
/// (a signed 64-bit count of minor units, about ±92 quadrillion yuan). Money never wraps around.
/// </summary>
public sealed class AmountOverflowException : CommunityModelException
{
    /// <summary>Creates the error for the operation that overflowed.</summary>
    /// <param name="operation">The operation that was attempted, e.g. <c>multiply</c>.</param>
    /// <param name="currency">The currency of the operation.</param>
    /// <param name="innerException">The arithmetic error underneath, if any.</param>
    public AmountOverflowException(string operation, Currency currency, Exception? innerException = null)
        : base(ErrorCodes.AmountOverflow, $"The result of {operation} in {currency.Code} is outside the range of amounts that can be held exactly.", innerException)
    {
        Currency = currency;
    }

    /// <summary>The currency of the operation that overflowed.</summary>
    public Currency Currency { get; }
}
