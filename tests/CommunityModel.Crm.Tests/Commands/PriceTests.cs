using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Tests.Commands;

/// <summary>Prices come from the catalog; a discount or a complimentary membership is a staff action with a reason, stored with who gave it.</summary>
public sealed class PriceTests : StartedCrm
{
    [Fact]
    public async Task A_KA_for_nothing_through_the_order_endpoint_is_refused_and_nothing_is_stored()
    {
        var stored = StoredEvents.All(DatabasePath);

        var problem = await Crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "KA", price = Cny.Of(0m) }, 400);

        Assert.Equal(("crm.price_from_catalog", "price"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(stored, StoredEvents.All(DatabasePath));
        var member = await Crm.GetAsync("/members/2");
        Assert.Equal("Prospect", (string?)member["stage"]);
        Assert.Null(member["membership"]);
    }

    [Fact]
    public async Task An_order_without_a_price_pays_the_catalog_price()
    {
        var order = await (await Crm.StaffAsync()).PostAsync("/members/2/orders", new { orderId = "o-1", item = "KA" });

        Assert.Equal(120000.00m, Cny.Amount(order["amountPaid"]));
    }

    [Fact]
    public async Task Staff_give_a_complimentary_VIP_with_a_reason_stored_on_the_event_with_their_name()
    {
        var staff = await Crm.StaffAsync();

        var order = await staff.PostAsync("/members/2/discounted-orders", new { orderId = "o-1", item = "VIP", price = Cny.Of(0m), reason = "speaker at the March meetup" });

        Assert.Equal((0m, "MembershipPurchase"), (Cny.Amount(order["amountPaid"]), (string?)order["kind"]));
        Assert.Equal("Active", (string?)(await Crm.GetAsync("/members/2"))["membership"]!["status"]);
        var (data, actor) = Purchase(DatabasePath);
        Assert.Contains("speaker at the March meetup", data, StringComparison.Ordinal);
        Assert.Equal("staff-li", actor);
    }

    [Fact]
    public async Task A_member_cannot_discount_their_own_order()
    {
        var member = await Crm.MemberAsync(2);

        await member.PostAsync("/members/2/discounted-orders", new { orderId = "o-1", item = "KA", price = Cny.Of(0m), reason = "me" }, 403);

        Assert.Equal(0, StoredEvents.Count(DatabasePath, "membership.purchased.v1"));
    }

    [Fact]
    public async Task A_discount_above_the_list_price_is_refused_by_the_communitys_rule()
    {
        var problem = await Crm.PostAsync("/members/2/discounted-orders", new { orderId = "o-1", item = "VIP", price = Cny.Of(4000m), reason = "typo" }, 400);

        Assert.StartsWith("membership.", (string?)problem["code"], StringComparison.Ordinal);
        Assert.Equal(0, StoredEvents.Count(DatabasePath, "membership.purchased.v1"));
    }

    private static (string Data, string Actor) Purchase(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, actor FROM events WHERE type = 'membership.purchased.v1'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1));
    }
}
