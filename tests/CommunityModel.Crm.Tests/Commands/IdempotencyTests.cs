namespace CommunityModel.Crm.Tests.Commands;

/// <summary>Order and refund ids are the community's: a repeat is answered from the record and stores nothing; a reused id is a 409.</summary>
public sealed class IdempotencyTests : StartedCrm
{
    [Fact]
    public async Task A_repeated_order_answers_the_first_order_with_its_commission_and_stores_nothing()
    {
        var first = await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        var stored = StoredEvents.All(DatabasePath);

        var again = await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });

        Assert.Equal((false, true), ((bool?)first["replayed"], (bool?)again["replayed"]));
        Assert.Equal(("Product", 199.00m, "Customer"), ((string?)again["kind"], Cny.Amount(again["amountPaid"]), (string?)again["stage"]));
        Assert.Equal(first["commissions"]!.ToJsonString(), again["commissions"]!.ToJsonString());
        Assert.Equal(19.90m, Cny.Amount(again["commissions"]!.AsArray().Single()!["amount"]));
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
    }

    [Theory]
    [InlineData(2, "VIP", "item")]          // the same buyer, another item
    [InlineData(3, "bootcamp", "orderId")]  // another buyer, the same item
    public async Task An_order_id_used_for_another_order_is_a_409_naming_the_difference_and_stores_nothing(long member, string item, string field)
    {
        await Crm.RegisterAsync(3, sponsor: 1);
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        var stored = StoredEvents.All(DatabasePath);

        var problem = await Crm.PostAsync($"/members/{member}/orders", new { orderId = "o-1", item }, 409);

        Assert.Equal(("community.id_conflict", field), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Contains("'o-1'", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
    }

    [Fact]
    public async Task A_repeated_product_refund_answers_the_first_refund_and_its_reversal_and_stores_nothing()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        var first = await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-1", amount = Cny.Of(99.50m) });
        var stored = StoredEvents.All(DatabasePath);

        var again = await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-1", amount = Cny.Of(99.50m) });

        Assert.Equal((false, true), ((bool?)first["replayed"], (bool?)again["replayed"]));
        Assert.Equal((99.50m, 9.95m), (Cny.Amount(again["amount"]), Cny.Amount(again["commissionReversed"])));
        Assert.Equal((Cny.Amount(first["amount"]), Cny.Amount(first["commissionReversed"])), (Cny.Amount(again["amount"]), Cny.Amount(again["commissionReversed"])));
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
    }

    [Theory]
    [InlineData("o-2", 50, "refundId")]  // another order
    [InlineData("o-1", 10, "amount")]    // the same order, another amount
    public async Task A_refund_id_used_for_another_refund_is_a_409_naming_the_difference(string orderId, decimal amount, string field)
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "bootcamp" });
        await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-1", amount = Cny.Of(50m) });

        var problem = await Crm.PostAsync($"/members/2/orders/{orderId}/refunds", new { refundId = "r-1", amount = Cny.Of(amount) }, 409);

        Assert.Equal(("community.id_conflict", field), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task The_same_discounted_order_again_replays_and_another_price_under_its_id_is_a_409_naming_the_price()
    {
        var first = await Crm.PostAsync("/members/2/discounted-orders", new { orderId = "o-1", item = "VIP", price = Cny.Of(3000m), reason = "founders" });
        var stored = StoredEvents.All(DatabasePath);

        var again = await Crm.PostAsync("/members/2/discounted-orders", new { orderId = "o-1", item = "VIP", price = Cny.Of(3000m), reason = "founders" });
        var cheaper = await Crm.PostAsync("/members/2/discounted-orders", new { orderId = "o-1", item = "VIP", price = Cny.Of(1m), reason = "founders" }, 409);

        Assert.True((bool?)again["replayed"]);
        Assert.Equal(first["commissions"]!.ToJsonString(), again["commissions"]!.ToJsonString());
        Assert.Equal(("community.id_conflict", "price"), ((string?)cheaper["code"], (string?)cheaper["field"]));
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        Assert.Equal(3000.00m, Cny.Amount((await Crm.GetAsync("/members/2"))["membership"]!["totalPaid"]));
    }

    [Fact]
    public async Task A_retried_registration_replays_with_200_and_the_same_member_and_stores_nothing()
    {
        var first = await Crm.RegisterAsync(3, sponsor: 1);
        var stored = StoredEvents.All(DatabasePath);

        var again = await Crm.PostAsync("/members", new { memberId = 3, sponsorId = 1 });

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        var other = await Crm.PostAsync("/members", new { memberId = 3, sponsorId = 2 }, 409); // another sponsor is another registration
        Assert.Equal("community.member_exists", (string?)other["code"]);
    }

    [Fact]
    public async Task Refunding_more_than_is_left_of_a_product_order_is_a_400_naming_the_amount()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-1", amount = Cny.Of(150m) });

        var problem = await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-2", amount = Cny.Of(50m) }, 400);

        Assert.Equal(("community.invalid_refund", "amount"), ((string?)problem["code"], (string?)problem["field"]));
        var rest = await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-3" });
        Assert.Equal(49.00m, Cny.Amount(rest["amount"])); // all that is left, when no amount is given
    }
}
