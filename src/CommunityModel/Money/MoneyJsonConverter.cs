using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityModel;

/// <summary>
/// Reads and writes <see cref="Money"/> as <c>{"amount": 3600.00, "currency": "CNY"}</c>.
/// The amount is written with exactly the currency's decimals; it is read from a JSON number or string,
/// and an amount with more decimals than the currency allows is rejected, never rounded.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc/>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be a JSON object such as {\"amount\": 3600.00, \"currency\": \"CNY\"}.");
        }

        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Unexpected token in a money object.");
            }

            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = reader.TokenType switch
                {
                    JsonTokenType.Number => reader.GetDecimal(),
                    JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => throw new JsonException("A money amount must be a number or a numeric string."),
                };
            }
            else if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
            {
                var code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                currency = Currency.TryFromCode(code, out var known)
                    ? known
                    : throw new JsonException($"'{code}' is not a known ISO 4217 currency code.");
            }
            else
            {
                reader.Skip();
            }
        }

        if (amount is null || currency is null)
        {
            throw new JsonException("A money object needs both \"amount\" and \"currency\".");
        }

        return Money.TryCreate(amount.Value, currency.Value, out var money)
            ? money
            : throw new JsonException($"{amount.Value.ToString(CultureInfo.InvariantCulture)} has more decimal places than {currency.Value.Code} allows ({currency.Value.MinorDigits}).");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}
