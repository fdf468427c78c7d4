using System.Globalization;
using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests;

/// <summary>Reading and writing the API's money objects, <c>{"amount": 360.00, "currency": "CNY"}</c>.</summary>
internal static class Cny
{
    public static object Of(decimal amount) => new { amount, currency = "CNY" };

    public static decimal Amount(JsonNode? money)
    {
        Assert.NotNull(money);
        Assert.Equal("CNY", (string?)money["currency"]);
        return decimal.Parse(money["amount"]!.ToJsonString(), CultureInfo.InvariantCulture);
    }
}
