namespace CommunityModel;

/// <summary>Thrown when an operation mixes amounts in two different currencies.</summary>
public sealed class CurrencyMismatchException : CommunityModelException
{
    /// <summary>Creates the error for an operation that met <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <param name="left">The currency of the first operand.</param>
    /// <param name="right">The currency of the second operand.</param>
    /// <param name="operation">The operation that was attempted, e.g. <c>add</c>.</param>
    public CurrencyMismatchException(Currency left, Currency right, string operation)
        : base(ErrorCodes.CurrencyMismatch, $"Cannot {operation} amounts in {left.Code} and {right.Code}: convert one of them first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The currency of the first operand.</summary>
    public Currency Left { get; }

    /// <summary>The currency of the second operand.</summary>
    public Currency Right { get; }
}
