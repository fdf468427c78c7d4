using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests.Api;

/// <summary>
/// Lists answer a page at a time: <c>limit</c> items (50 by default, the configured maximum at most) and <c>next</c>, an
/// opaque cursor for the page after, null on the last. Walking the pages gives every item once, in order; a bad limit
/// or a cursor of another list is a 400 naming the field.
/// </summary>
public sealed class PagingTests : StartedCrm
{
    internal override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Crm:MaxPageSize"] = "20" };

    [Fact]
    public async Task Members_come_in_ascending_id_pages_and_walking_them_lists_each_once()
    {
        foreach (var id in new long[] { 30, 7, 12, 3, 25 })
        {
            await Crm.RegisterAsync(id, sponsor: 1);
        }

        var first = await Crm.GetAsync("/members?limit=3");
        var all = await WalkAsync(Crm.Admin, "/members", 3);

        Assert.Equal(new long[] { 1, 2, 3 }, Ids(first, "id"));
        Assert.NotNull((string?)first["next"]);
        Assert.Equal(new long[] { 1, 2, 3, 7, 12, 25, 30 }, all.Select(m => (long)m["id"]!));
        var whole = await Crm.GetAsync("/members"); // the default page holds all seven
        Assert.Equal(7, whole["items"]!.AsArray().Count);
        Assert.Null((string?)whole["next"]);
    }

    [Fact]
    public async Task One_members_commissions_come_a_page_of_lines_at_a_time_with_the_balance_on_every_page()
    {
        for (var i = 0; i < 45; i++)
        {
            await Crm.PostAsync("/members/2/orders", new { orderId = $"o-{i}", item = "bootcamp" }); // ¥19.90 to member 1 each
        }

        var lines = await WalkAsync(Crm.Admin, "/members/1/commissions", 20, "lines");
        var first = await Crm.GetAsync("/members/1/commissions");

        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"o-{i}"), lines.Select(l => (string)l["key"]!["orderLineId"]!));
        Assert.Equal(20, first["lines"]!.AsArray().Count); // the default page is the maximum, 20, when that is lower than 50
        Assert.Equal(45 * 19.90m, Cny.Amount(first["balance"]!["pending"]));
    }

    [Fact]
    public async Task Orders_and_withdrawals_come_in_the_order_they_were_made()
    {
        for (var i = 0; i < 5; i++)
        {
            await Crm.PostAsync("/members/2/orders", new { orderId = $"o-{i}", item = "bootcamp" });
        }

        var orders = await WalkAsync(Crm.Admin, "/members/2/orders", 2);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"o-{i}"), orders.Select(o => (string)o["orderId"]!));
        Assert.All(orders, o => Assert.Equal((1L, 19.90m), ((long)o["commissions"]!.AsArray().Single()!["beneficiary"]!, Cny.Amount(o["commissions"]!.AsArray().Single()!["amount"]))));
        Assert.Equal(199.00m, Cny.Amount(orders[0]["amountPaid"]));
        Assert.Empty((await Crm.GetAsync("/members/1/withdrawals"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/members?limit=0", "limit")]
    [InlineData("/members?limit=21", "limit")]
    [InlineData("/members?limit=ten", "limit")]
    [InlineData("/members?cursor=not-a-cursor", "cursor")]
    [InlineData("/members/1/commissions?cursor=%%%", "cursor")]
    [InlineData("/members/2/orders?limit=-1", "limit")]
    [InlineData("/members/2/withdrawals?limit=1000000000000", "limit")]
    public async Task A_bad_limit_or_cursor_is_a_400_naming_it(string path, string field)
    {
        var problem = await Crm.GetAsync(path, 400);

        Assert.Equal(("crm.invalid_request", field), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task A_cursor_of_another_list_or_member_is_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await Crm.PostAsync("/members/2/orders", new { orderId = $"o-{i}", item = "bootcamp" });
            await Crm.PostAsync("/members/1/orders", new { orderId = $"p-{i}", item = "bootcamp" });
        }

        var next = (string)(await Crm.GetAsync("/members/2/orders?limit=1"))["next"]!;

        Assert.Equal("cursor", (string?)(await Crm.GetAsync($"/members/1/orders?cursor={next}", 400))["field"]);
        Assert.Equal("cursor", (string?)(await Crm.GetAsync($"/members/2/commissions?cursor={next}", 400))["field"]);
        Assert.Equal("o-1", (string?)(await Crm.GetAsync($"/members/2/orders?limit=1&cursor={next}"))["items"]![0]!["orderId"]);
    }

    [Fact]
    public async Task A_member_pages_through_their_own_lists_only_and_the_members_list_is_for_staff()
    {
        var member1 = await Crm.MemberAsync(1);

        Assert.Empty((await member1.GetAsync("/members/1/orders"))["items"]!.AsArray());
        Assert.Equal("crm.forbidden", (string?)(await member1.GetAsync("/members/2/orders", 403))["code"]);
        Assert.Equal("crm.forbidden", (string?)(await member1.GetAsync("/members/2/withdrawals", 403))["code"]);
        await member1.GetAsync("/members", 403);
        await Crm.Anonymous().GetAsync("/members", 401);
        Assert.Equal("community.unknown_member", (string?)(await Crm.GetAsync("/members/99/orders", 404))["code"]);
    }

    internal static async Task<List<JsonNode>> WalkAsync(CrmClient client, string path, int limit, string items = "items")
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await client.GetAsync($"{path}?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            var slice = page[items]!.AsArray();
            Assert.InRange(slice.Count, 1, limit);
            all.AddRange(slice.Select(i => i!));
            cursor = (string?)page["next"];
        }
        while (cursor is not null);
        return all;
    }

    private static long[] Ids(JsonNode page, string field) => [.. page["items"]!.AsArray().Select(i => (long)i![field]!)];
}
