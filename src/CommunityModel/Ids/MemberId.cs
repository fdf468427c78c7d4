using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunityModel;

/// <summary>
/// Identifies a member of the community — from prospect to partner — in every package:
/// lifecycles, memberships, referrals, commissions and metrics. It wraps the integrator's own
/// positive 64-bit key, so a CRM keeps its ids and the batch engines can index members densely.
/// </summary>
[TypeConverter(typeof(ParsableTypeConverter<MemberId>))]
[System.Text.Json.Serialization.JsonConverter(typeof(MemberIdJsonConverter))]
public readonly struct MemberId : IEquatable<MemberId>, IComparable<MemberId>, ISpanFormattable, IParsable<MemberId>
{
    /// <summary>Creates a member id from the integrator's key.</summary>
    /// <param name="value">A positive key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public MemberId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    /// <summary>The integrator's key; zero only for <c>default(MemberId)</c>, which names no member.</summary>
    public long Value { get; }

    /// <summary>Whether this is <c>default(MemberId)</c>, which names no member.</summary>
    public bool IsEmpty => Value == 0;

    /// <inheritdoc/>
    public bool Equals(MemberId other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MemberId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(MemberId other) => Value.CompareTo(other.Value);

    /// <summary>The key as invariant digits, e.g. <c>1024</c>.</summary>
    /// <returns>The key's text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider ?? CultureInfo.InvariantCulture);

    /// <summary>Parses a positive integer key.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Not used; keys are invariant digits.</param>
    /// <returns>The member id.</returns>
    /// <exception cref="FormatException">The text is not a positive integer.</exception>
    public static MemberId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is not a member id (a positive integer).");

    /// <summary>Tries to parse a positive integer key.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Not used; keys are invariant digits.</param>
    /// <param name="result">The member id when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a positive integer.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MemberId result)
    {
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            result = new MemberId(value);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when both name the same member.</returns>
    public static bool operator ==(MemberId left, MemberId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they name different members.</returns>
    public static bool operator !=(MemberId left, MemberId right) => !left.Equals(right);

    /// <summary>Implicitly wraps a positive key, so <c>MemberId id = 1024;</c> reads naturally in code and tests.</summary>
    /// <param name="value">A positive key.</param>
    public static implicit operator MemberId(long value) => new(value);
}
