namespace CommunityModel.Crm.Tests;

/// <summary>
/// What running the CRM needs around the API: Host filtering against DNS rebinding, a data folder outside bin/, liveness
/// and readiness without sign-in, the OpenAPI document.
/// </summary>
public sealed class OperationsTests : StartedCrm
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    public async Task Health_and_readiness_answer_without_a_sign_in(string path)
    {
        using var response = await Crm.Anonymous().Http.GetAsync(path);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_without_a_sign_in()
    {
        var document = await Crm.Anonymous().GetAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/members", "/members/{id}", "/members/{id}/orders", "/members/{id}/discounted-orders", "/members/{id}/orders/{orderId}/refunds",
                "/members/{id}/commissions", "/members/{id}/withdrawals", "/members/{id}/quote/{item}", "/members/{id}/sponsor",
                "/members/{id}/entitlements/{productId}/uses", "/month-end", "/events", "/accounts", "/auth/sign-in", "/auth/me",
            },
            paths);
        Assert.NotNull(document["paths"]!["/members/{id}/orders"]!["post"]);
        Assert.NotNull(document["paths"]!["/members/{id}/orders"]!["get"]);

        // Month-end reads its optional body itself (a non-JSON body is a 415); the document still describes it.
        var monthEnd = document["paths"]!["/month-end"]!["post"]!["requestBody"]!;
        Assert.False((bool?)monthEnd["required"] ?? false);
        var schema = monthEnd["content"]!["application/json"]!["schema"]!;
        var reference = (string?)schema["$ref"] ?? "";
        var properties = reference.Length > 0 ? document["components"]!["schemas"]![reference.Split('/')[^1]]!["properties"]! : schema["properties"]!;
        Assert.Equal(["expectedPayout", "period"], properties.AsObject().Select(p => p.Key).Order());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebound.attacker.test:5180")]
    public async Task A_request_for_another_host_name_is_refused_before_it_reaches_the_API(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/members/1");
        request.Headers.Host = host;

        using var response = await Crm.Client.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public void The_default_data_folder_is_outside_the_binaries()
    {
        var folder = new CrmOptions().ResolvedDataDirectory();

        Assert.EndsWith("communitymodel-crm", folder, StringComparison.Ordinal);
        Assert.False(folder.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), folder);
        Assert.Equal(Path.Combine(folder, "crm.db"), new CrmOptions().ResolvedDatabase());
    }
}
