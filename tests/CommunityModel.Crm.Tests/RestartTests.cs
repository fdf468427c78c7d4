using System.Text.Json.Nodes;

namespace CommunityModel.Crm.Tests;

/// <summary>Stop the host in the middle, start a new one on the same file: replaying the stored events loses nothing.</summary>
public sealed class RestartTests
{
    private static readonly long[] Members = [1, 2, 3, 4, 5, 6];

    [Fact]
    public async Task A_new_host_on_the_same_file_shows_every_balance_stage_and_membership_unchanged_and_keeps_ids_idempotent()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        string before;
        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            await crm.RegisterAsync(1);
            await crm.RegisterAsync(2, sponsor: 1);
            await crm.RegisterAsync(3, sponsor: 2);
            await crm.RegisterAsync(4);
            await crm.RegisterAsync(5, sponsor: 4);
            await crm.RegisterAsync(6);
            await crm.SendAsync(HttpMethod.Put, "/members/4/sponsor", new { sponsorId = 3 });         // bound after registering
            await crm.PostAsync("/members/5/orders", new { orderId = "o-1", item = "bootcamp" });       // ¥199 product: Customer
            await crm.PostAsync("/members/5/orders", new { orderId = "o-2", item = "VIP" });            // Member
            await crm.PostAsync("/members/6/discounted-orders", new { orderId = "o-3", item = "VIP", price = Cny.Of(3000m), reason = "founding-member discount" });
            time.Advance(TimeSpan.FromDays(2));
            await crm.PostAsync("/members/5/orders/o-1/refunds", new { refundId = "r-1", amount = Cny.Of(99.50m) });
            time.Advance(TimeSpan.FromDays(8));
            await crm.PostAsync("/month-end");
            await (await crm.MemberAsync(4)).PostAsync("/members/4/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(300m) });
            await crm.PostAsync("/members/5/orders", new { orderId = "o-4", item = "KA" });             // upgrade with credit, pending again
            before = await SnapshotAsync(crm);
        }

        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            Assert.Equal(before, await SnapshotAsync(crm));

            // Ids used before the restart are still known: nothing is paid or refunded twice.
            Assert.True((bool?)(await crm.PostAsync("/members/5/orders", new { orderId = "o-2", item = "VIP" }))["replayed"]);
            Assert.True((bool?)(await crm.PostAsync("/members/5/orders/o-1/refunds", new { refundId = "r-1", amount = Cny.Of(99.50m) }))["replayed"]);
            Assert.True((bool?)(await (await crm.MemberAsync(4)).PostAsync("/members/4/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(300m) }))["replayed"]);
            Assert.Equal(before, await SnapshotAsync(crm));

            // And the new host goes on: the next period's month-end pays the withdrawal requested before the restart.
            time.Advance(TimeSpan.FromDays(30));
            var run = await crm.PostAsync("/month-end");
            Assert.Equal("w-1", (string?)run["paidWithdrawals"]!.AsArray().Single()!["withdrawalId"]);
        }
    }

    private static async Task<string> SnapshotAsync(CrmHost crm)
    {
        var all = new JsonArray();
        foreach (var id in Members)
        {
            all.Add(await crm.GetAsync($"/members/{id}"));
            all.Add(await crm.GetAsync($"/members/{id}/commissions"));
        }

        return all.ToJsonString();
    }
}
