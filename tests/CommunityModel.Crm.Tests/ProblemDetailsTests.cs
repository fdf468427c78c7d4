using System.Net.Http.Headers;
using System.Text;

namespace CommunityModel.Crm.Tests;

/// <summary>Bad requests, unknown members and conflicts answer RFC 7807 problem details with the library's stable codes.</summary>
public sealed class ProblemDetailsTests : StartedCrm
{
    public static TheoryData<string, string, string, string?> BadRequests => new()
    {
        // path, JSON body, code, field
        { "/members", """{"sponsorId": 1}""", "crm.invalid_request", "memberId" },
        { "/members", """{"memberId": 0}""", "crm.invalid_request", "memberId" },
        { "/members", """{"memberId": "three"}""", "crm.invalid_request", "memberId" },
        { "/members", """{"memberId": 3, "sponsorId": 3}""", "referral.self_binding", null },
        { "/members", """{"memberId": 3, "sponsorId": 99}""", "referral.unknown_sponsor", null },
        { "/members", """{"memberId": 3""", "crm.invalid_request", "memberId" },
        { "/members/2/orders", """{"item": "VIP"}""", "crm.invalid_request", "orderId" },
        { "/members/2/orders", """{"orderId": "o-1", "item": "platinum"}""", "community.unknown_item", "item" },
        { "/members/2/orders", """{"orderId": "o-1", "item": "KA", "price": {"amount": 0, "currency": "CNY"}}""", "crm.price_from_catalog", "price" },
        { "/members/2/orders", """{"orderId": "o-1", "item": "KA", "priceReason": "friend"}""", "crm.price_from_catalog", "priceReason" },
        { "/members/2/discounted-orders", """{"orderId": "o-1", "item": "VIP", "price": {"amount": 3599.999, "currency": "CNY"}, "reason": "promo"}""", "crm.invalid_request", "price" },
        { "/members/2/discounted-orders", """{"orderId": "o-1", "item": "VIP", "price": {"amount": 3600, "currency": "XYZ"}, "reason": "promo"}""", "crm.invalid_request", "price" },
        { "/members/2/discounted-orders", """{"orderId": "o-1", "item": "VIP", "price": {"amount": 3600, "currency": "USD"}, "reason": "promo"}""", "membership.invalid_payment", null },
        { "/members/2/discounted-orders", """{"orderId": "o-1", "item": "bootcamp", "price": {"amount": 500, "currency": "CNY"}, "reason": "promo"}""", "community.invalid_price", "price" },
        { "/members/2/discounted-orders", """{"orderId": "o-1", "item": "bootcamp", "price": {"amount": 99, "currency": "CNY"}}""", "crm.invalid_request", "reason" },
        { "/members/2/discounted-orders", """{"orderId": "o-1", "item": "bootcamp", "reason": "promo"}""", "crm.invalid_request", "price" },
        { "/members/2/withdrawals", """{"withdrawalId": "w-1"}""", "crm.invalid_request", "amount" },
        { "/members/2/withdrawals", """{"withdrawalId": "w-1", "amount": {"amount": 5, "currency": "CNY"}}""", "commissions.withdrawal_below_minimum", null },
        { "/members/0/withdrawals", """{"withdrawalId": "w-1", "amount": {"amount": 50, "currency": "CNY"}}""", "crm.invalid_request", "id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_a_400_naming_the_error_code_and_the_field(string path, string body, string code, string? field)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        var client = path.EndsWith("/withdrawals", StringComparison.Ordinal) && path != "/members/0/withdrawals" ? (await Crm.MemberAsync(2)).Http : Crm.Client; // only the owner withdraws
        using var response = await client.PostAsync(path, content);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Fact]
    public async Task Registering_a_member_twice_is_a_409_and_leaves_state_untouched()
    {
        // The community refuses a known member before the referral network looks at the sponsor, so the self-binding is not listed too.
        var problem = await Crm.PostAsync("/members", new { memberId = 2, sponsorId = 2 }, 409);
        Assert.Equal(("community.member_exists", "member"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Null(problem["errors"]);
        Assert.Equal(1, (long?)(await Crm.GetAsync("/members/2"))["sponsorId"]);
    }

    [Theory]
    [InlineData("GET", "/members/99", null, "community.unknown_member")]
    [InlineData("GET", "/members/99/commissions", null, "community.unknown_member")]
    [InlineData("PUT", "/members/99/sponsor", """{"sponsorId": 1}""", "community.unknown_member")]
    [InlineData("POST", "/members/99/orders", """{"orderId": "o-9", "item": "VIP"}""", "community.unknown_member")]
    [InlineData("POST", "/members/2/orders/nope/refunds", """{"refundId": "r-9"}""", "community.unknown_order")]
    public async Task An_unknown_member_or_order_is_a_404(string method, string path, string? body, string code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await Crm.Client.SendAsync(request);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)problem["code"]);
    }

    [Fact]
    public async Task Conflicts_with_the_current_state_are_409s()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "VIP" });

        var reused = await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "KA" }, 409);
        Assert.Equal(("community.id_conflict", "item"), ((string?)reused["code"], (string?)reused["field"]));

        var active = await Crm.PostAsync("/members/1/orders", new { orderId = "o-2", item = "VIP" });
        Assert.Equal("MembershipPurchase", (string?)active["kind"]);
        var downgrade = await Crm.PostAsync("/members/2/orders", new { orderId = "o-3", item = "bootcamp" });
        Assert.Equal("Member", (string?)downgrade["stage"]); // a member buying a product stays a member

        var overdraw = await (await Crm.MemberAsync(1)).PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(20m) }, 409);
        Assert.Equal("commissions.insufficient_balance", (string?)overdraw["code"]);

        var rebind = await Crm.SendAsync(HttpMethod.Put, "/members/2/sponsor", new { sponsorId = 1 }, 409);
        Assert.Equal("referral.already_bound", (string?)rebind["code"]);

        await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-1" });
        var twice = await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-2" }, 409);
        Assert.Equal("community.order_not_refundable", (string?)twice["code"]); // refunded in full already
    }
}
