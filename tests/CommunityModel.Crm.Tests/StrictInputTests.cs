using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests;

/// <summary>Ids are short and addressable, bodies are small, errors name the field without echoing the input, and every error is problem details.</summary>
public sealed class StrictInputTests : StartedCrm
{
    [Theory]
    [InlineData("o/1")]
    [InlineData("o?1")]
    [InlineData("o#1")]
    [InlineData("o\u00001")]
    [InlineData("o 1")]
    [InlineData("an-order-id-of-sixty-five-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task An_order_id_that_could_not_be_named_again_is_a_400_naming_the_field_and_nothing_is_stored(string orderId)
    {
        var stored = StoredEvents.All(DatabasePath);

        var (status, problem, _) = await PostRawAsync("/members/2/orders", new JsonObject { ["orderId"] = orderId, ["item"] = "VIP" }.ToJsonString());

        Assert.Equal(400, status);
        Assert.Equal(("crm.invalid_request", "orderId"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.DoesNotContain(orderId, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_a_megabyte_id_is_never_stored()
    {
        var stored = StoredEvents.All(DatabasePath);

        var (status, problem, length) = await PostRawAsync("/members/2/orders", new JsonObject { ["orderId"] = new string('x', 1 << 20), ["item"] = "VIP" }.ToJsonString());

        Assert.Equal((413, 413), (status, (int?)problem["status"]));
        Assert.True(length < 2000, $"the answer is {length} bytes");
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
    }

    [Fact]
    public async Task An_invalid_item_of_ten_kilobytes_is_named_not_echoed()
    {
        var item = new string('k', 10_000);

        var (status, problem, length) = await PostRawAsync("/members/2/orders", new JsonObject { ["orderId"] = "o-1", ["item"] = item }.ToJsonString());

        Assert.Equal((400, "item"), (status, (string?)problem["field"]));
        Assert.True(length < 2000, $"the answer is {length} bytes");
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"orderId\": \"o-1\", \"item\": \"VIP\", \"surprise\": 1}")]
    public async Task An_empty_unreadable_or_unexpected_body_is_a_400_problem(string body)
    {
        var (status, problem, _) = await PostRawAsync("/members/2/orders", body);

        Assert.Equal(400, status);
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal(0, StoredEvents.Count(DatabasePath, "membership.purchased.v1"));
    }

    [Theory]
    [InlineData("GET", "/nowhere", 404)]
    [InlineData("GET", "/month-end", 405)]
    [InlineData("DELETE", "/members/1", 405)]
    public async Task Unknown_routes_and_methods_are_problem_details_too(string method, string path, int expected)
    {
        using var response = await Crm.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }

    private async Task<(int Status, JsonNode Problem, int Length)> PostRawAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await Crm.Client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, JsonNode.Parse(text)!, text.Length);
    }
}
