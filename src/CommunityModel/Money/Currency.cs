using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>
/// An ISO 4217 currency: its three-letter code, the number of digits of its minor unit
/// (CNY 2 — the fen, JPY 0, KWD 3), its display symbol and English name.
/// </summary>
/// <remarks>
/// Only codes in the ISO 4217 list are accepted; an unknown code is an <see cref="UnknownCurrencyException"/>.
/// <c>default(Currency)</c> is <see cref="None"/> (XXX, "no currency"), which mixes with no real currency.
/// The value is two bytes wide, so <see cref="Money"/> stays small.
/// </remarks>
[TypeConverter(typeof(ParsableTypeConverter<Currency>))]
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable, ISpanFormattable, IParsable<Currency>
{
    private readonly ushort _index;

    private Currency(ushort index) => _index = index;

    /// <summary>XXX, the ISO 4217 code for "no currency"; also <c>default(Currency)</c>.</summary>
    public static Currency None => default;

    /// <summary>Chinese yuan renminbi (人民币), two minor digits (角, 分).</summary>
    public static Currency CNY { get; } = FromCode("CNY");

    /// <summary>United States dollar, two minor digits.</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>Euro, two minor digits.</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>Japanese yen, no minor unit.</summary>
    public static Currency JPY { get; } = FromCode("JPY");

    /// <summary>Hong Kong dollar, two minor digits.</summary>
    public static Currency HKD { get; } = FromCode("HKD");

    /// <summary>Pound sterling, two minor digits.</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>The upper-case three-letter ISO 4217 code, e.g. <c>CNY</c>.</summary>
    public string Code => Entry.Code;

    /// <summary>The ISO 4217 numeric code, e.g. 156 for CNY.</summary>
    public int NumericCode => Entry.Numeric;

    /// <summary>The number of decimal digits of the minor unit: 2 for CNY (the fen), 0 for JPY, 3 for KWD.</summary>
    public int MinorDigits => Entry.MinorDigits;

    /// <summary>How many minor units make one major unit: 100 for CNY, 1 for JPY, 1000 for KWD.</summary>
    public long MinorUnitsPerMajorUnit => Entry.MinorPerMajor;

    /// <summary>The symbol used when formatting, e.g. <c>¥</c> for CNY, <c>$</c> for USD, or the code where there is no common symbol.</summary>
    public string Symbol => Entry.Symbol;

    /// <summary>The English name of the currency, e.g. <c>Yuan Renminbi</c>.</summary>
    public string EnglishName => Entry.Name;

    /// <summary>Every currency CommunityModel knows, in code order after XXX.</summary>
    public static IReadOnlyList<Currency> All { get; } = Enumerable.Range(0, CurrencyTable.Entries.Length).Select(i => new Currency((ushort)i)).ToArray();

    internal CurrencyTable.Entry Entry => CurrencyTable.Entries[_index];

    /// <summary>Returns the currency with the given ISO 4217 code (case-insensitive).</summary>
    /// <param name="code">A three-letter code such as <c>CNY</c>.</param>
    /// <exception cref="UnknownCurrencyException">The code is null, empty or not in ISO 4217.</exception>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency) ? currency : throw new UnknownCurrencyException(code);

    /// <summary>Looks up the currency with the given ISO 4217 code (case-insensitive).</summary>
    /// <param name="code">A three-letter code such as <c>CNY</c>.</param>
    /// <param name="currency">The currency when found; otherwise <see cref="None"/>.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is { Length: 3 } && CurrencyTable.ByCode.TryGetValue(code, out var index))
        {
            currency = new Currency(index);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Looks up a currency by a three-letter code given as characters (case-insensitive).</summary>
    /// <param name="code">The characters of the code.</param>
    /// <param name="currency">The currency when found; otherwise <see cref="None"/>.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out Currency currency)
    {
        if (code.Length == 3 && CurrencyTable.ByCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var index))
        {
            currency = new Currency(index);
            return true;
        }

        currency = default;
        return false;
    }

    /// <inheritdoc cref="FromCode(string)"/>
    /// <param name="s">A three-letter code such as <c>CNY</c>.</param>
    /// <param name="provider">Not used; codes are culture-invariant.</param>
    /// <exception cref="FormatException">The text is not a known ISO 4217 code.</exception>
    public static Currency Parse(string s, IFormatProvider? provider = null) =>
        TryFromCode(s, out var currency) ? currency : throw new FormatException($"'{s}' is not a known ISO 4217 currency code.");

    /// <inheritdoc cref="TryFromCode(string?, out Currency)"/>
    /// <param name="s">A three-letter code such as <c>CNY</c>.</param>
    /// <param name="provider">Not used; codes are culture-invariant.</param>
    /// <param name="result">The currency when found; otherwise <see cref="None"/>.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result) =>
        TryFromCode(s, out result);

    /// <inheritdoc/>
    public bool Equals(Currency other) => _index == other._index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _index;

    /// <summary>Orders currencies by their ISO code, ordinally.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Currency)}.", nameof(obj)),
    };

    /// <summary>Returns the ISO code, e.g. <c>CNY</c>.</summary>
    /// <returns>The three-letter code.</returns>
    public override string ToString() => Code;

    /// <summary>Formats the currency: <c>G</c> or <c>I</c> (default) give the code, <c>S</c> the symbol, <c>N</c> the English name.</summary>
    /// <param name="format">One of <c>G</c>, <c>I</c>, <c>S</c>, <c>N</c>; null or empty for the code.</param>
    /// <param name="formatProvider">Not used.</param>
    /// <returns>The formatted text.</returns>
    /// <exception cref="FormatException">The format is not one of those above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" or "I" => Code,
        "S" => Symbol,
        "N" => EnglishName,
        _ => throw new FormatException($"'{format}' is not a currency format; use G, I, S or N."),
    };

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        SpanFormatting.TryFormat(this, destination, out charsWritten, format, provider);

    /// <summary>Equality of two currencies.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when they are the same currency.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Inequality of two currencies.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when they are different currencies.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Ordinal order of the codes.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the first code sorts before the second.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order of the codes.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the first code sorts after the second.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order of the codes.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the first code sorts before or equals the second.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order of the codes.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the first code sorts after or equals the second.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;
}
