using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests.Commands;

/// <summary>
/// <c>GET /members/{id}/history</c> and <c>/upline</c>: each move on the value chain, each order and each withdrawal
/// with how it stands, and the sponsor line; the moves and withdrawals are kept from the stored events, so a new host
/// on the same file answers the same.
/// </summary>
public sealed class MemberHistoryTests
{
    [Fact]
    public async Task The_history_lists_each_stage_move_order_and_withdrawal_and_a_new_host_on_the_same_file_answers_the_same()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        string before;
        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            await crm.RegisterAsync(1);
            await crm.RegisterAsync(2, sponsor: 1);
            await crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" }); // ¥199: a Customer; ¥19.90 to member 1
            time.Advance(TimeSpan.FromHours(1));
            await crm.PostAsync("/members/2/orders", new { orderId = "o-2", item = "VIP" });      // ¥3,600: a Member; ¥360 to member 1
            time.Advance(TimeSpan.FromDays(8));
            var member1 = await crm.MemberAsync(1);
            await member1.PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });
            await crm.PostAsync("/month-end");                                                    // pays w-1
            var paidAt = time.GetUtcNow();
            await member1.PostAsync("/members/1/withdrawals", new { withdrawalId = "w-2", amount = Cny.Of(50m) });

            var two = await crm.GetAsync("/members/2/history");
            Assert.Equal(2, (long?)two["id"]);
            Assert.Equal(
                new[] { "Prospect>Prospect:Registered", "Prospect>Customer:MadeFirstPurchase", "Customer>Member:BoughtMembership" },
                two["stages"]!.AsArray().Select(s => $"{(string?)s!["from"]}>{(string?)s["to"]}:{(string?)s["trigger"]}"));
            Assert.Equal(Clock.Start().GetUtcNow().AddHours(1), (DateTimeOffset?)two["stages"]![2]!["occurredAt"]);
            Assert.Equal(
                new[] { ("o-1", "bootcamp", "Product", 199.00m, 0m), ("o-2", "VIP", "MembershipPurchase", 3600.00m, 0m) },
                two["orders"]!.AsArray().Select(o => ((string)o!["orderId"]!, (string)o["item"]!, (string)o["kind"]!, Cny.Amount(o["paid"]), Cny.Amount(o["refunded"]))));
            Assert.Empty(two["withdrawals"]!.AsArray());

            var one = await crm.GetAsync("/members/1/history");
            Assert.Equal(
                new[] { ("w-1", 100.00m, 0.60m, 99.40m, "Paid", (DateTimeOffset?)paidAt), ("w-2", 50.00m, 0.30m, 49.70m, "Requested", (DateTimeOffset?)null) },
                one["withdrawals"]!.AsArray().Select(w => ((string)w!["withdrawalId"]!, Cny.Amount(w["amount"]), Cny.Amount(w["fee"]), Cny.Amount(w["netPayout"]), (string)w["status"]!, (DateTimeOffset?)w["settledAt"])));
            Assert.Empty(one["orders"]!.AsArray());
            before = await SnapshotAsync(crm);
        }

        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            Assert.Equal(before, await SnapshotAsync(crm));
        }
    }

    [Fact]
    public async Task The_upline_is_the_sponsor_line_nearest_first_with_each_sponsors_stage()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);
        await crm.RegisterAsync(3, sponsor: 2);
        await crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "VIP" });

        var three = await crm.GetAsync("/members/3/upline");
        Assert.Equal(3, (long?)three["id"]);
        Assert.Equal(new[] { (1, 2L, "Member"), (2, 1L, "Prospect") }, three["sponsors"]!.AsArray().Select(s => ((int)s!["level"]!, (long)s["memberId"]!, (string)s["stage"]!)));
        Assert.Empty((await crm.GetAsync("/members/1/upline"))["sponsors"]!.AsArray());

        // A member reads their own line; another's is refused before anything is read.
        var member3 = await crm.MemberAsync(3);
        Assert.Equal(2, (await member3.GetAsync("/members/3/upline"))["sponsors"]!.AsArray().Count);
        Assert.Equal("crm.forbidden", (string?)(await member3.GetAsync("/members/2/upline", 403))["code"]);
    }

    [Theory]
    [InlineData("/members/99/history", 404, "community.unknown_member")]
    [InlineData("/members/99/upline", 404, "community.unknown_member")]
    [InlineData("/members/0/history", 400, "crm.invalid_request")]
    [InlineData("/members/-1/upline", 400, "crm.invalid_request")]
    public async Task An_unknown_or_malformed_member_is_a_problem(string path, int status, string code)
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());

        Assert.Equal(code, (string?)(await crm.GetAsync(path, status))["code"]);
    }

    private static async Task<string> SnapshotAsync(CrmHost crm)
    {
        var all = new JsonArray();
        foreach (var id in new[] { 1, 2 })
        {
            all.Add(await crm.GetAsync($"/members/{id}/history"));
            all.Add(await crm.GetAsync($"/members/{id}/upline"));
        }

        return all.ToJsonString();
    }
}
