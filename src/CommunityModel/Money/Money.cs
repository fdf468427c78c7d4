using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>
/// An exact amount of money in one currency, held as a whole number of minor units (for CNY, fen).
/// </summary>
/// <remarks>
/// <para>
/// Money is an immutable value type (16 bytes). An amount always fits its currency's minor unit:
/// creating <c>3600.005 CNY</c> without saying how to round is an <see cref="AmountPrecisionException"/>.
/// Results of multiplication and division are computed exactly and rounded once, by an explicit
/// <see cref="RoundingMode"/> (half-up, 四舍五入, when none is given). Mixing currencies throws
/// <see cref="CurrencyMismatchException"/>; a result out of range throws <see cref="AmountOverflowException"/>,
/// never wraps around.
/// </para>
/// <para>
/// Splitting money never loses a minor unit: <see cref="Allocate(ReadOnlySpan{decimal})"/> and
/// <see cref="Split(int)"/> use the largest-remainder method, so the parts always sum to the whole.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var vip = Money.Cny(3600m);
/// var monthly = vip.Split(12);                 // twelve parts of ¥300.00
/// var commission = vip * Rate.FromPercent(15); // ¥540.00
/// </code>
/// </example>
[TypeConverter(typeof(ParsableTypeConverter<Money>))]
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, ISpanFormattable, IParsable<Money>
{
    private readonly long _minorUnits;
    private readonly Currency _currency;

    private Money(long minorUnits, Currency currency)
    {
        _minorUnits = minorUnits;
        _currency = currency;
    }

    /// <summary>Creates an amount that must fit the currency's minor unit exactly.</summary>
    /// <param name="amount">The amount in major units, e.g. <c>3600.00</c>.</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="AmountPrecisionException">The amount has more decimal places than the currency's minor unit.</exception>
    /// <exception cref="AmountOverflowException">The amount is outside the range that can be held.</exception>
    public Money(decimal amount, Currency currency)
        : this(ToMinorUnitsExact(amount, currency), currency)
    {
    }

    /// <summary>The amount in major units, with exactly the currency's number of decimal places (e.g. <c>3600.00</c>).</summary>
    public decimal Amount
    {
        get
        {
            var magnitude = MinorUnitArithmetic.Magnitude(_minorUnits);
            return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, _minorUnits < 0, (byte)_currency.MinorDigits));
        }
    }

    /// <summary>The amount as a whole number of minor units (fen for CNY).</summary>
    public long MinorUnits => _minorUnits;

    /// <summary>The currency of the amount.</summary>
    public Currency Currency => _currency;

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => _minorUnits == 0;

    /// <summary>Whether the amount is greater than zero.</summary>
    public bool IsPositive => _minorUnits > 0;

    /// <summary>Whether the amount is less than zero.</summary>
    public bool IsNegative => _minorUnits < 0;

    /// <summary>-1, 0 or 1 as the amount is negative, zero or positive.</summary>
    public int Sign => Math.Sign(_minorUnits);

    /// <summary>Creates an amount that must fit the currency's minor unit exactly.</summary>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="AmountPrecisionException">The amount has more decimal places than the currency's minor unit.</exception>
    /// <exception cref="AmountOverflowException">The amount is outside the range that can be held.</exception>
    public static Money Of(decimal amount, Currency currency) => new(amount, currency);

    /// <summary>Creates an amount, rounding it to the currency's minor unit by <paramref name="rounding"/>.</summary>
    /// <param name="amount">The amount in major units, of any precision.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="rounding">How to round to the minor unit.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="AmountOverflowException">The amount is outside the range that can be held.</exception>
    public static Money Of(decimal amount, Currency currency, RoundingMode rounding) =>
        new(ToMinorUnits(amount, currency, rounding), currency);

    /// <summary>Creates an amount from a whole number of minor units (fen for CNY).</summary>
    /// <param name="minorUnits">The count of minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits, currency);

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero in <paramref name="currency"/>.</returns>
    public static Money Zero(Currency currency) => new(0L, currency);

    /// <summary>An amount in Chinese yuan (人民币), exact to the fen.</summary>
    /// <param name="amount">The amount in yuan, at most two decimal places.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="AmountPrecisionException">The amount has more than two decimal places.</exception>
    public static Money Cny(decimal amount) => new(amount, Currency.CNY);

    /// <summary>An amount in US dollars, exact to the cent.</summary>
    /// <param name="amount">The amount in dollars, at most two decimal places.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="AmountPrecisionException">The amount has more than two decimal places.</exception>
    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    /// <summary>An amount in euros, exact to the cent.</summary>
    /// <param name="amount">The amount in euros, at most two decimal places.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="AmountPrecisionException">The amount has more than two decimal places.</exception>
    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    /// <summary>An amount in Japanese yen, which has no minor unit.</summary>
    /// <param name="amount">A whole number of yen.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="AmountPrecisionException">The amount has a fractional part.</exception>
    public static Money Jpy(decimal amount) => new(amount, Currency.JPY);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="AmountOverflowException">The sum is out of range.</exception>
    public Money Add(Money other)
    {
        RequireSameCurrency(other, "add");
        var sum = unchecked(_minorUnits + other._minorUnits);
        return ((_minorUnits ^ sum) & (other._minorUnits ^ sum)) < 0
            ? throw new AmountOverflowException("add", _currency)
            : new(sum, _currency);
    }

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="AmountOverflowException">The difference is out of range.</exception>
    public Money Subtract(Money other)
    {
        RequireSameCurrency(other, "subtract");
        var difference = unchecked(_minorUnits - other._minorUnits);
        return ((_minorUnits ^ other._minorUnits) & (_minorUnits ^ difference)) < 0
            ? throw new AmountOverflowException("subtract", _currency)
            : new(difference, _currency);
    }

    /// <summary>The amount with its sign reversed.</summary>
    /// <returns>The negated amount.</returns>
    /// <exception cref="AmountOverflowException">The amount is the most negative one that can be held.</exception>
    public Money Negate() => _minorUnits == long.MinValue
        ? throw new AmountOverflowException("negate", _currency)
        : new(-_minorUnits, _currency);

    /// <summary>The absolute value of the amount.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => _minorUnits < 0 ? Negate() : this;

    /// <summary>Multiplies by a number, computed exactly and rounded once, half-up (四舍五入), to the minor unit.</summary>
    /// <param name="factor">The number to multiply by.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="AmountOverflowException">The product is out of range.</exception>
    public Money Multiply(decimal factor) => Multiply(factor, RoundingMode.HalfUp);

    /// <summary>Multiplies by a number, computed exactly and rounded once to the minor unit.</summary>
    /// <param name="factor">The number to multiply by.</param>
    /// <param name="rounding">How to round the exact product.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="AmountOverflowException">The product is out of range.</exception>
    public Money Multiply(decimal factor, RoundingMode rounding) =>
        new(MinorUnitArithmetic.MultiplyRound(_minorUnits, factor, rounding, _currency), _currency);

    /// <summary>Applies a rate (e.g. a 15% commission), computed exactly and rounded once, half-up (四舍五入), to the minor unit.</summary>
    /// <param name="rate">The rate to apply.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="AmountOverflowException">The product is out of range.</exception>
    public Money Multiply(Rate rate) => Multiply(rate.Fraction, RoundingMode.HalfUp);

    /// <summary>Applies a rate (e.g. a 15% commission), computed exactly and rounded once to the minor unit.</summary>
    /// <param name="rate">The rate to apply.</param>
    /// <param name="rounding">How to round the exact product, e.g. <see cref="RoundingMode.Down"/> for payouts that must never overpay.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="AmountOverflowException">The product is out of range.</exception>
    public Money Multiply(Rate rate, RoundingMode rounding) => Multiply(rate.Fraction, rounding);

    /// <summary>
    /// The share <paramref name="part"/> ÷ <paramref name="whole"/> of this amount (pro rata), computed exactly in integers and
    /// rounded once: e.g. an order's share of a period's pay, base × pay ÷ volume, with no intermediate rounding.
    /// </summary>
    /// <param name="part">The part, zero or more.</param>
    /// <param name="whole">The whole, more than zero.</param>
    /// <param name="rounding">How to round the exact share.</param>
    /// <returns>The rounded share.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is negative or <paramref name="whole"/> is not positive.</exception>
    /// <exception cref="AmountOverflowException">The share is out of range.</exception>
    public Money Prorate(long part, long whole, RoundingMode rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole);
        var magnitude = MinorUnitArithmetic.RoundQuotient(MinorUnitArithmetic.Magnitude(_minorUnits) * (ulong)part, (UInt128)(ulong)whole, rounding);
        return new(MinorUnitArithmetic.ToSignedMinorUnits(magnitude, _minorUnits < 0, "prorate", _currency), _currency);
    }

    /// <summary>Divides by a number, computed exactly and rounded once to the minor unit. To split money without losing a fen, use <see cref="Split(int)"/> instead.</summary>
    /// <param name="divisor">The number to divide by; not zero.</param>
    /// <param name="rounding">How to round the exact quotient; half-up (四舍五入) by default.</param>
    /// <returns>The rounded quotient.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    /// <exception cref="AmountOverflowException">The quotient is out of range.</exception>
    public Money Divide(decimal divisor, RoundingMode rounding = RoundingMode.HalfUp) =>
        new(MinorUnitArithmetic.DivideRound(_minorUnits, divisor, rounding, _currency), _currency);

    /// <summary>
    /// Allocates the amount over weights so that the parts sum exactly to it (largest remainder,
    /// ties to the earlier part). Weights can be any non-negative numbers, e.g. standalone prices.
    /// </summary>
    /// <param name="weights">Non-negative weights, at least one positive.</param>
    /// <returns>One part per weight, in the same order; their sum is this amount.</returns>
    /// <exception cref="InvalidAllocationException">No weights, a negative weight, or all weights zero.</exception>
    public ImmutableArray<Money> Allocate(ReadOnlySpan<decimal> weights)
    {
        var parts = new long[weights.Length];
        LargestRemainder.Allocate(_minorUnits, weights, parts);
        return Wrap(parts);
    }

    /// <summary>Allocates the amount over whole-number weights so that the parts sum exactly to it.</summary>
    /// <param name="weights">Non-negative weights, at least one positive.</param>
    /// <returns>One part per weight, in the same order; their sum is this amount.</returns>
    /// <exception cref="InvalidAllocationException">No weights, a negative weight, or all weights zero.</exception>
    public ImmutableArray<Money> Allocate(ReadOnlySpan<long> weights)
    {
        var parts = new long[weights.Length];
        LargestRemainder.Allocate(_minorUnits, weights, parts);
        return Wrap(parts);
    }

    /// <summary>
    /// Allocates the amount in proportion to other amounts, e.g. a bundle price over its items'
    /// standalone prices (the relative standalone-selling-price method); the parts sum exactly to it.
    /// </summary>
    /// <param name="weights">Non-negative amounts, all in one currency (which may differ from this amount's), at least one positive.</param>
    /// <returns>One part per weight, in the same order, in this amount's currency; their sum is this amount.</returns>
    /// <exception cref="InvalidAllocationException">No weights, a negative weight, or all weights zero.</exception>
    /// <exception cref="CurrencyMismatchException">The weights are not all in one currency.</exception>
    public ImmutableArray<Money> Allocate(ReadOnlySpan<Money> weights)
    {
        var minor = new long[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i]._currency != weights[0]._currency)
            {
                throw new CurrencyMismatchException(weights[0]._currency, weights[i]._currency, "allocate by weights");
            }

            minor[i] = weights[i]._minorUnits;
        }

        return Allocate(minor);
    }

    /// <summary>Splits the amount into <paramref name="parts"/> parts as equal as possible; the earlier parts take the minor units left over.</summary>
    /// <param name="parts">How many parts; at least one.</param>
    /// <returns>The parts, largest first; their sum is this amount.</returns>
    /// <exception cref="InvalidAllocationException"><paramref name="parts"/> is less than one.</exception>
    public ImmutableArray<Money> Split(int parts)
    {
        if (parts < 1)
        {
            throw new InvalidAllocationException($"Cannot split an amount into {parts} parts; ask for at least one part.");
        }

        var minor = new long[parts];
        LargestRemainder.Split(_minorUnits, minor);
        return Wrap(minor);
    }

    /// <summary>Sums amounts that are all in <paramref name="currency"/>; an empty sequence sums to zero.</summary>
    /// <param name="values">The amounts.</param>
    /// <param name="currency">The currency every amount must have.</param>
    /// <returns>The total.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="AmountOverflowException">The total is out of range.</exception>
    public static Money Sum(IEnumerable<Money> values, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = Zero(currency);
        foreach (var value in values)
        {
            total = total.Add(value);
        }

        return total;
    }

    /// <summary>The smaller of two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The smaller amount.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Min(Money left, Money right) => left.CompareTo(right) <= 0 ? left : right;

    /// <summary>The larger of two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Max(Money left, Money right) => left.CompareTo(right) >= 0 ? left : right;

    /// <inheritdoc/>
    public bool Equals(Money other) => _minorUnits == other._minorUnits && _currency == other._currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_minorUnits, _currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this amount is less than, equal to or greater than the other.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ: amounts in different currencies have no order.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other, "compare");
        return _minorUnits.CompareTo(other._minorUnits);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Money)}.", nameof(obj)),
    };

    /// <summary>Formats with the currency symbol and culture-invariant separators, e.g. <c>¥3,600.00</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the amount. <c>C</c> (default): symbol, e.g. <c>¥3,600.00</c>; <c>I</c>: ISO code, e.g.
    /// <c>CNY 3,600.00</c>; <c>R</c>: round-trip, e.g. <c>3600.00 CNY</c>; <c>N</c>: grouped number;
    /// <c>F</c>: plain number. Separators and the currency pattern come from <paramref name="formatProvider"/>
    /// (the invariant culture when null); the number of decimals is always the currency's.
    /// </summary>
    /// <param name="format">One of <c>C</c>, <c>I</c>, <c>R</c>, <c>N</c>, <c>F</c>; null or empty for <c>C</c>.</param>
    /// <param name="formatProvider">The culture whose separators and currency pattern to use.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="FormatException">The format is not one of those above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var digits = _currency.MinorDigits;
        var amount = Amount;
        switch (format)
        {
            case null or "" or "C":
                var numberFormat = (NumberFormatInfo)NumberFormatInfo.GetInstance(formatProvider ?? CultureInfo.InvariantCulture).Clone();
                numberFormat.CurrencySymbol = _currency.Symbol;
                if (formatProvider is null)
                {
                    numberFormat.CurrencyNegativePattern = 1; // -¥n rather than the invariant (¥n)
                }

                return amount.ToString("C" + digits.ToString(CultureInfo.InvariantCulture), numberFormat);
            case "I":
                return _currency.Code + " " + amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), formatProvider ?? CultureInfo.InvariantCulture);
            case "R":
                return amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + _currency.Code;
            case "N":
            case "F":
                return amount.ToString(format + digits.ToString(CultureInfo.InvariantCulture), formatProvider ?? CultureInfo.InvariantCulture);
            default:
                throw new FormatException($"'{format}' is not a money format; use C, I, R, N or F.");
        }
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        SpanFormatting.TryFormat(this, destination, out charsWritten, format, provider);

    /// <summary>
    /// Parses an amount with its ISO code before or after the number, e.g. <c>3600.00 CNY</c>,
    /// <c>CNY 3,600.00</c> or <c>-12.5USD</c>. The number may not have more decimals than the currency allows.
    /// </summary>
    /// <param name="s">The text to parse.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not an amount with a known ISO code that fits its minor unit.</exception>
    public static Money Parse(string s) => Parse(s, (IFormatProvider?)null);

    /// <summary>Parses an amount with its ISO currency code, as <see cref="Parse(string)"/>, with the separators of <paramref name="provider"/>.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">The culture of the number's separators; the invariant culture when null.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not an amount with a known ISO code that fits its minor unit.</exception>
    public static Money Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParseCore(s, provider, out var result, out var error) ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse an amount with its ISO code before or after the number.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">The culture of the number's separators; the invariant culture when null.</param>
    /// <param name="result">The amount when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result) =>
        TryParseCore(s, provider, out result, out _);

    /// <summary>
    /// Parses an amount in a known currency, with or without its symbol or ISO code,
    /// e.g. <c>¥3,600.00</c>, <c>3600</c> or <c>CNY 3600</c> for CNY.
    /// </summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="currency">The currency of the amount.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not a number that fits the currency's minor unit, or names another currency.</exception>
    public static Money Parse(string s, Currency currency) => Parse(s, currency, null);

    /// <summary>Parses an amount in a known currency, as <see cref="Parse(string, Currency)"/>, with the separators of <paramref name="provider"/>.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="currency">The currency of the amount.</param>
    /// <param name="provider">The culture of the number's separators; the invariant culture when null.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not a number that fits the currency's minor unit, or names another currency.</exception>
    public static Money Parse(string s, Currency currency, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = s.Trim();
        if (TryParseCore(text, provider, out var withCode, out _))
        {
            return withCode._currency == currency
                ? withCode
                : throw new FormatException($"'{s}' is in {withCode._currency.Code}, not {currency.Code}.");
        }

        var numberFormat = (NumberFormatInfo)NumberFormatInfo.GetInstance(provider ?? CultureInfo.InvariantCulture).Clone();
        numberFormat.CurrencySymbol = currency.Symbol;
        if (!decimal.TryParse(text, NumberStyles.Currency, numberFormat, out var amount))
        {
            throw new FormatException($"'{s}' is not an amount in {currency.Code}.");
        }

        return TryCreate(amount, currency, out var money)
            ? money
            : throw new FormatException($"'{s}' has more decimal places than {currency.Code} allows ({currency.MinorDigits}).");
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Reverses the sign of an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Multiplies by a number, rounding half-up (四舍五入) to the minor unit.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The number.</param>
    /// <returns>The rounded product.</returns>
    public static Money operator *(Money money, decimal factor) => money.Multiply(factor);

    /// <summary>Multiplies by a number, rounding half-up (四舍五入) to the minor unit.</summary>
    /// <param name="factor">The number.</param>
    /// <param name="money">The amount.</param>
    /// <returns>The rounded product.</returns>
    public static Money operator *(decimal factor, Money money) => money.Multiply(factor);

    /// <summary>Applies a rate, rounding half-up (四舍五入) to the minor unit.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="rate">The rate.</param>
    /// <returns>The rounded product.</returns>
    public static Money operator *(Money money, Rate rate) => money.Multiply(rate);

    /// <summary>Divides by a number, rounding half-up (四舍五入) to the minor unit.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="divisor">The number; not zero.</param>
    /// <returns>The rounded quotient.</returns>
    public static Money operator /(Money money, decimal divisor) => money.Divide(divisor);

    /// <summary>Equality: same currency and same amount.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality: different currency or different amount.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Less than, for amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the first is less.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Greater than, for amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the first is greater.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal, for amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the first is less or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal, for amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the first is greater or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    internal static bool TryCreate(decimal amount, Currency currency, out Money money)
    {
        var exact = TryToMinorUnitsExact(amount, currency, out var minorUnits);
        money = exact ? new Money(minorUnits, currency) : default;
        return exact;
    }

    private static long ToMinorUnitsExact(decimal amount, Currency currency) =>
        TryToMinorUnitsExact(amount, currency, out var minorUnits) ? minorUnits : throw new AmountPrecisionException(amount, currency);

    /// <summary>amount × 10^digits when that is a whole number; false when the amount is more precise than the minor unit.</summary>
    private static bool TryToMinorUnitsExact(decimal amount, Currency currency, out long minorUnits)
    {
        var (mantissa, scale, negative) = MinorUnitArithmetic.Decompose(amount);
        var digits = currency.MinorDigits;
        UInt128 magnitude;
        if (scale <= digits)
        {
            // The mantissa is below 2^96 and 10^digits at most 10^4, so the product fits 128 bits.
            magnitude = mantissa * MinorUnitArithmetic.PowerOfTen(digits - scale);
        }
        else
        {
            var (quotient, remainder) = UInt128.DivRem(mantissa, MinorUnitArithmetic.PowerOfTen(scale - digits));
            if (remainder != UInt128.Zero)
            {
                minorUnits = 0;
                return false;
            }

            magnitude = quotient;
        }

        minorUnits = MinorUnitArithmetic.ToSignedMinorUnits(magnitude, negative, "create an amount", currency);
        return true;
    }

    private static long ToMinorUnits(decimal amount, Currency currency, RoundingMode rounding)
    {
        // amount × 10^digits, exact, then rounded once: the same arithmetic as Multiply.
        var (mantissa, scale, negative) = MinorUnitArithmetic.Decompose(amount);
        var digits = currency.MinorDigits;

        // The mantissa is below 2^96 and 10^digits at most 10^4, so the product fits 128 bits.
        var numerator = mantissa * MinorUnitArithmetic.PowerOfTen(digits);
        var magnitude = MinorUnitArithmetic.RoundQuotient(numerator, MinorUnitArithmetic.PowerOfTen(scale), rounding);
        return MinorUnitArithmetic.ToSignedMinorUnits(magnitude, negative, "create an amount", currency);
    }

    private static bool TryParseCore(string? s, IFormatProvider? provider, out Money result, out string error)
    {
        result = default;
        var text = s.AsSpan().Trim();
        if (text.Length < 4)
        {
            error = $"'{s}' is not an amount with an ISO currency code, e.g. '3600.00 CNY'.";
            return false;
        }

        var codeFirst = char.IsAsciiLetter(text[0]);
        var code = codeFirst ? text[..3] : text[^3..];
        var number = codeFirst ? text[3..] : text[..^3];

        if (!Currency.TryFromCode(code, out var currency))
        {
            error = $"'{s}' does not name a known ISO 4217 currency code before or after the number.";
            return false;
        }

        if (!decimal.TryParse(number.Trim(), NumberStyles.Number, provider ?? CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{s}' does not hold a valid number beside its currency code.";
            return false;
        }

        if (!TryCreate(amount, currency, out result))
        {
            error = $"'{s}' has more decimal places than {currency.Code} allows ({currency.MinorDigits}).";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static ImmutableArray<Money> Wrap(long[] minorUnits, Currency currency)
    {
        var builder = ImmutableArray.CreateBuilder<Money>(minorUnits.Length);
        foreach (var m in minorUnits)
        {
            builder.Add(new Money(m, currency));
        }

        return builder.MoveToImmutable();
    }

    private ImmutableArray<Money> Wrap(long[] minorUnits) => Wrap(minorUnits, _currency);

    private void RequireSameCurrency(Money other, string operation)
    {
        if (_currency != other._currency)
        {
            throw new CurrencyMismatchException(_currency, other._currency, operation);
        }
    }
}
