namespace CommunityModel.Crm.Tests.Commands;

/// <summary><c>GET /members/{id}/quote/{item}</c>: the member's price, the shopping discount of promoter rights shown.</summary>
public sealed class QuoteTests : StartedCrm
{
    // A gift pack (礼包): a tier that grants promoter rights with a 10% shopping discount, and the online courses.
    internal override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Community:Memberships:Tiers:2:Id"] = "GIFT",
        ["Community:Memberships:Tiers:2:Name"] = "Gift pack",
        ["Community:Memberships:Tiers:2:Price"] = "399.00 CNY",
        ["Community:Memberships:Tiers:2:TermMonths"] = "12",
        ["Community:Memberships:Tiers:2:GrantsPromotionRights"] = "true",
        ["Community:Memberships:Tiers:2:ShoppingDiscount"] = "10%",
        ["Community:Memberships:Tiers:2:Entitlements:0:ProductId"] = "online-courses",
    };

    [Fact]
    public async Task A_member_without_promoter_rights_pays_the_list_price()
    {
        var quote = await Crm.GetAsync("/members/2/quote/bootcamp");

        Assert.Equal(("bootcamp", "0%"), ((string?)quote["item"], (string?)quote["discountRate"]));
        Assert.Equal((199.00m, 0m, 199.00m), (Cny.Amount(quote["listPrice"]), Cny.Amount(quote["discount"]), Cny.Amount(quote["price"])));
    }

    [Fact]
    public async Task After_the_gift_pack_the_quote_shows_the_discount_and_an_order_without_a_price_pays_it()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "gift", item = "GIFT" });

        var quote = await Crm.GetAsync("/members/2/quote/bootcamp");
        Assert.Equal("10%", (string?)quote["discountRate"]);
        Assert.Equal((199.00m, 19.90m, 179.10m), (Cny.Amount(quote["listPrice"]), Cny.Amount(quote["discount"]), Cny.Amount(quote["price"])));

        var order = await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        Assert.Equal(179.10m, Cny.Amount(order["amountPaid"]));
        Assert.Equal(17.91m, Cny.Amount(order["commissions"]!.AsArray().Single()!["amount"])); // 10% of what was paid, to member 1
    }

    [Theory]
    [InlineData("/members/2/quote/platinum", 400, "community.unknown_item")]
    [InlineData("/members/99/quote/bootcamp", 404, "community.unknown_member")]
    public async Task An_unknown_item_or_member_is_refused(string path, int status, string code)
    {
        var problem = await Crm.GetAsync(path, status);

        Assert.Equal(code, (string?)problem["code"]);
    }
}
