using System.ComponentModel;
using System.Globalization;

namespace CommunityModel;

/// <summary>
/// Converts a value type of this package from and to its invariant text form, so that
/// <c>Microsoft.Extensions.Configuration</c> binds <c>"3600.00 CNY"</c>, <c>"CNY"</c> or <c>"15%"</c>
/// from appsettings.json into <see cref="Money"/>, <see cref="Currency"/> and <see cref="Rate"/> options.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ParsableTypeConverter<T> : TypeConverter
    where T : IParsable<T>, IFormattable
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? T.Parse(text.Trim(), CultureInfo.InvariantCulture) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T typed
            ? typed.ToString(typeof(T) == typeof(Money) ? "R" : null, CultureInfo.InvariantCulture)
            : base.ConvertTo(context, culture, value, destinationType);
}
