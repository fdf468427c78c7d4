using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>
/// A rate or percentage: a commission rate, a discount, a conversion or payout ratio.
/// Held as an exact decimal fraction (15% is 0.15), so no bare decimals stand for percentages in an API.
/// </summary>
/// <remarks>
/// Formats as a percentage (<c>15%</c>) and parses <c>15%</c>, <c>15 %</c>, <c>1.5‰</c> or a plain
/// fraction (<c>0.15</c>). A rate may be negative or above 100%; what range is valid is for the
/// option or plan that uses it to check.
/// </remarks>
[TypeConverter(typeof(ParsableTypeConverter<Rate>))]
[JsonConverter(typeof(RateJsonConverter))]
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>, IComparable, ISpanFormattable, IParsable<Rate>
{
    private readonly decimal _fraction;

    private Rate(decimal fraction) => _fraction = fraction;

    /// <summary>0%.</summary>
    public static Rate Zero => default;

    /// <summary>100%.</summary>
    public static Rate One => new(1m);

    /// <summary>The rate as a fraction: 0.15 for 15%.</summary>
    public decimal Fraction => _fraction;

    /// <summary>The rate in percent: 15 for 15%.</summary>
    public decimal Percent => _fraction * 100m;

    /// <summary>The rate in basis points: 1500 for 15%.</summary>
    public decimal BasisPoints => _fraction * 10_000m;

    /// <summary>Whether the rate is 0%.</summary>
    public bool IsZero => _fraction == 0m;

    /// <summary>Whether the rate is below 0%.</summary>
    public bool IsNegative => _fraction < 0m;

    /// <summary>Whether the rate lies between 0% and 100%, both included — the valid range of most rates.</summary>
    public bool IsBetweenZeroAndOne => _fraction is >= 0m and <= 1m;

    /// <summary>A rate from a fraction: <c>FromFraction(0.15m)</c> is 15%.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The rate.</returns>
    public static Rate FromFraction(decimal fraction) => new(fraction);

    /// <summary>A rate from a percentage: <c>FromPercent(15)</c> is 15%.</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The rate.</returns>
    public static Rate FromPercent(decimal percent) => new(percent / 100m);

    /// <summary>A rate from basis points: <c>FromBasisPoints(1500)</c> is 15%.</summary>
    /// <param name="basisPoints">The basis points (hundredths of a percent).</param>
    /// <returns>The rate.</returns>
    public static Rate FromBasisPoints(decimal basisPoints) => new(basisPoints / 10_000m);

    /// <summary>
    /// The share that <paramref name="part"/> is of <paramref name="whole"/>, e.g. a payout ratio
    /// (commission paid ÷ sales) or a participation rate.
    /// </summary>
    /// <param name="part">The part.</param>
    /// <param name="whole">The whole; not zero.</param>
    /// <returns>part ÷ whole as a rate (to 28 significant digits).</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="whole"/> is zero.</exception>
    public static Rate Of(Money part, Money whole)
    {
        if (part.Currency != whole.Currency)
        {
            throw new CurrencyMismatchException(part.Currency, whole.Currency, "take the ratio of");
        }

        return whole.IsZero
            ? throw new DivideByZeroException($"Cannot express {part} as a share of a zero amount.")
            : new((decimal)part.MinorUnits / whole.MinorUnits);
    }

    /// <summary>The share that <paramref name="part"/> is of <paramref name="whole"/>, e.g. 232 attendees of 1,000 group members is 23.2%.</summary>
    /// <param name="part">The count of the part.</param>
    /// <param name="whole">The count of the whole; not zero.</param>
    /// <returns>part ÷ whole as a rate.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="whole"/> is zero.</exception>
    public static Rate Of(long part, long whole) =>
        whole == 0
            ? throw new DivideByZeroException($"Cannot express {part} as a share of zero.")
            : new((decimal)part / whole);

    /// <summary>The smaller of two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The smaller rate.</returns>
    public static Rate Min(Rate left, Rate right) => left <= right ? left : right;

    /// <summary>The larger of two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The larger rate.</returns>
    public static Rate Max(Rate left, Rate right) => left >= right ? left : right;

    /// <inheritdoc/>
    public bool Equals(Rate other) => _fraction == other._fraction;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _fraction.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Rate other) => _fraction.CompareTo(other._fraction);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rate other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Rate)}.", nameof(obj)),
    };

    /// <summary>Formats as a culture-invariant percentage without trailing zeros, e.g. <c>15%</c> or <c>2.5%</c>.</summary>
    /// <returns>The formatted rate.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the rate. <c>P</c> (default): percentage without trailing zeros, e.g. <c>15%</c>;
    /// <c>P2</c> and other digit counts: percentage with that many decimals; <c>F</c>: the fraction, e.g. <c>0.15</c>.
    /// </summary>
    /// <param name="format">The format; null or empty for <c>P</c>.</param>
    /// <param name="formatProvider">The culture of the decimal separator; the invariant culture when null.</param>
    /// <returns>The formatted rate.</returns>
    /// <exception cref="FormatException">The format is not one of those above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var provider = formatProvider ?? CultureInfo.InvariantCulture;
        if (string.IsNullOrEmpty(format) || format == "P")
        {
            return Percent.ToString("0.############################", provider) + "%";
        }

        if (format[0] == 'P' && int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return Percent.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), provider) + "%";
        }

        return format == "F"
            ? _fraction.ToString("0.############################", provider)
            : throw new FormatException($"'{format}' is not a rate format; use P, P<digits> or F.");
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        SpanFormatting.TryFormat(this, destination, out charsWritten, format, provider);

    /// <summary>Parses <c>15%</c>, <c>15 %</c>, <c>1.5‰</c> or a plain fraction such as <c>0.15</c>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture of the decimal separator; the invariant culture when null.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="FormatException">The text is not a rate.</exception>
    public static Rate Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var rate) ? rate : throw new FormatException($"'{s}' is not a rate; write it as '15%', '1.5‰' or a fraction such as '0.15'.");

    /// <summary>Tries to parse <c>15%</c>, <c>15 %</c>, <c>1.5‰</c> or a plain fraction such as <c>0.15</c>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture of the decimal separator; the invariant culture when null.</param>
    /// <param name="result">The rate when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a rate.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Rate result)
    {
        result = default;
        var text = s.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var divisor = text[^1] switch
        {
            '%' => 100m,
            '‰' => 1000m,
            _ => 1m,
        };
        var number = divisor == 1m ? text : text[..^1].TrimEnd();
        if (!decimal.TryParse(number, NumberStyles.Float, provider ?? CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        result = new Rate(value / divisor);
        return true;
    }

    /// <summary>The sum of two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The sum.</returns>
    public static Rate operator +(Rate left, Rate right) => new(left._fraction + right._fraction);

    /// <summary>The difference of two rates, e.g. a rank differential (级差).</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The rate to subtract.</param>
    /// <returns>The difference.</returns>
    public static Rate operator -(Rate left, Rate right) => new(left._fraction - right._fraction);

    /// <summary>A rate of a rate, e.g. 10% of 50% is 5%.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The product.</returns>
    public static Rate operator *(Rate left, Rate right) => new(left._fraction * right._fraction);

    /// <summary>Equality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when the rates are equal.</returns>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when the rates differ.</returns>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    /// <summary>Less than.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when the first is less.</returns>
    public static bool operator <(Rate left, Rate right) => left._fraction < right._fraction;

    /// <summary>Greater than.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when the first is greater.</returns>
    public static bool operator >(Rate left, Rate right) => left._fraction > right._fraction;

    /// <summary>Less than or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when the first is less or equal.</returns>
    public static bool operator <=(Rate left, Rate right) => left._fraction <= right._fraction;

    /// <summary>Greater than or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when the first is greater or equal.</returns>
    public static bool operator >=(Rate left, Rate right) => left._fraction >= right._fraction;
}
