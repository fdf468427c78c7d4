namespace CommunityModel;

/// <summary>The one <see cref="ISpanFormattable.TryFormat"/> body of the package's value types: format to text, then copy if it fits.</summary>
internal static class SpanFormatting
{
    /// <summary>Formats <paramref name="value"/> with <see cref="IFormattable.ToString(string?, IFormatProvider?)"/> into <paramref name="destination"/>.</summary>
    internal static bool TryFormat<T>(T value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        where T : IFormattable
    {
        var text = value.ToString(format.IsEmpty ? null : format.ToString(), provider);
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
