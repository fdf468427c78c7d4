using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>
/// Reads and writes <see cref="Rate"/>. Written as a percentage string, e.g. <c>"15%"</c>, so a document
/// says what it means; read from such a string (<c>"15%"</c>, <c>"1.5‰"</c>, <c>"0.15"</c>) or from a
/// JSON number, which is taken as a fraction (<c>0.15</c> is 15%).
/// </summary>
public sealed class RateJsonConverter : JsonConverter<Rate>
{
    /// <inheritdoc/>
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => Rate.FromFraction(reader.GetDecimal()),
        JsonTokenType.String => Rate.TryParse(reader.GetString(), null, out var rate)
            ? rate
            : throw new JsonException($"'{reader.GetString()}' is not a rate; write it as \"15%\", \"1.5‰\" or a fraction such as 0.15."),
        _ => throw new JsonException("A rate must be a string such as \"15%\" or a number fraction such as 0.15."),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
