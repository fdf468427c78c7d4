using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>Reads and writes <see cref="Currency"/> as its ISO 4217 code, e.g. <c>"CNY"</c>; an unknown code is rejected.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc/>
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? FromCode(reader.GetString())
            : throw new JsonException("A currency must be a JSON string holding its ISO 4217 code, e.g. \"CNY\".");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }

    /// <inheritdoc/>
    public override Currency ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FromCode(reader.GetString());

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Code);
    }

    private static Currency FromCode(string? code) =>
        Currency.TryFromCode(code, out var currency) ? currency : throw new JsonException($"'{code}' is not a known ISO 4217 currency code.");
}
