namespace CommunityModel.Crm.Tests.Commands;

/// <summary>A refund reaches only what it names: an old order, refunded already, cannot take back the membership held now.</summary>
public sealed class RefundTests : StartedCrm
{
    [Fact]
    public async Task A_refund_naming_an_old_refunded_order_is_a_409_and_touches_neither_the_current_membership_nor_another_orders_commission()
    {
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "VIP" });
        Clock.Advance(TimeSpan.FromDays(2));
        await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-1" });
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "VIP" });      // the membership held now
        await Crm.PostAsync("/members/2/orders", new { orderId = "o-3", item = "bootcamp" }); // and a product, its own commission
        var before = (await Crm.GetAsync("/members/2")).ToJsonString() + (await Crm.GetAsync("/members/1/commissions")).ToJsonString();
        var stored = StoredEvents.All(DatabasePath);

        var problem = await Crm.PostAsync("/members/2/orders/o-1/refunds", new { refundId = "r-2" }, 409);

        Assert.Equal(("community.order_not_refundable", "orderId"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        Assert.Equal(before, (await Crm.GetAsync("/members/2")).ToJsonString() + (await Crm.GetAsync("/members/1/commissions")).ToJsonString());
        var member = await Crm.GetAsync("/members/2"); // both memberships paid in full, the first refunded in full
        Assert.Equal(("Active", 7200.00m, 3600.00m), ((string?)member["membership"]!["status"], Cny.Amount(member["membership"]!["totalPaid"]), Cny.Amount(member["membership"]!["totalRefunded"])));
        Assert.Equal(360.00m + 19.90m, Cny.Amount((await Crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }
}
