using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>
/// Reads and writes <see cref="MemberId"/> as the integrator's key, a JSON number (e.g. <c>1024</c>), so stored
/// events keep their member; <c>0</c> is <c>default(MemberId)</c>, a negative key is rejected.
/// </summary>
public sealed class MemberIdJsonConverter : JsonConverter<MemberId>
{
    /// <inheritdoc/>
    public override MemberId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw new JsonException("A member id must be a JSON integer, the integrator's positive key.");
        }

        return value switch
        {
            0 => default,
            > 0 => new MemberId(value),
            _ => throw new JsonException($"{value} is not a member id: keys are positive."),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, MemberId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }

    /// <inheritdoc/>
    public override MemberId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return MemberId.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : throw new JsonException($"'{text}' is not a member id (a positive integer).");
    }

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, MemberId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}
