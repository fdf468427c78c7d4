namespace CommunityModel.Crm.Tests;

/// <summary>Many requests on one member at once: state stays consistent, nothing is lost, nothing is paid twice.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Twenty_parallel_posts_of_one_order_pay_once_and_store_one_order()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => crm.PostAsync("/members/2/orders", new { orderId = "order-1", item = "VIP" })));

        Assert.Single(answers, a => (bool?)a["replayed"] == false);
        Assert.All(answers, a => Assert.Equal(360.00m, Cny.Amount(a["commissions"]!.AsArray().Single()!["amount"])));
        Assert.Equal(360.00m, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
        Assert.Equal(1, StoredEvents.Count(db.Path, "membership.purchased.v1"));
        Assert.Equal(1, StoredEvents.Count(db.Path, "commissions.commission_accrued.v1"));
    }

    [Fact]
    public async Task Twenty_parallel_withdrawals_never_take_more_than_the_available_balance()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);
        await crm.PostAsync("/members/2/orders", new { orderId = "order-1", item = "VIP" }); // member 1 earns ¥360
        time.Advance(TimeSpan.FromDays(8));
        var member1 = (await crm.MemberAsync(1)).Http;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await member1.PostAsync("/members/1/withdrawals", System.Net.Http.Json.JsonContent.Create(new { withdrawalId = $"w-{i}", amount = Cny.Of(50m) }));
            return (int)response.StatusCode;
        }));

        Assert.Equal(7, statuses.Count(s => s == 200));   // 7 × ¥50 = ¥350 ≤ ¥360
        Assert.Equal(13, statuses.Count(s => s == 409));
        var balance = (await crm.GetAsync("/members/1/commissions"))["balance"]!;
        Assert.Equal((10.00m, 350.00m), (Cny.Amount(balance["available"]), Cny.Amount(balance["withdrawing"])));
        Assert.Equal(7, StoredEvents.Count(db.Path, "commissions.withdrawal_requested.v1"));
    }

    [Fact]
    public async Task Parallel_orders_refunds_and_withdrawals_on_one_member_keep_money_conserved_and_replay_identically()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        string before;
        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            await crm.RegisterAsync(1);
            await crm.RegisterAsync(2, sponsor: 1);
            await crm.PostAsync("/members/2/orders", new { orderId = "seed", item = "VIP" });
            time.Advance(TimeSpan.FromDays(8));
            var member1 = (await crm.MemberAsync(1)).Http;

            var work = Enumerable.Range(0, 30).Select(i => (i % 3) switch
            {
                0 => crm.Client.PostAsync("/members/2/orders", System.Net.Http.Json.JsonContent.Create(new { orderId = $"p-{i}", item = "bootcamp" })),
                1 => member1.PostAsync("/members/1/withdrawals", System.Net.Http.Json.JsonContent.Create(new { withdrawalId = $"w-{i}", amount = Cny.Of(40m) })),
                _ => crm.Client.PostAsync($"/members/2/orders/p-{i - 2}/refunds", System.Net.Http.Json.JsonContent.Create(new { refundId = $"r-{i}" })),
            });
            var responses = await Task.WhenAll(work);
            Assert.All(responses, r => Assert.Contains((int)r.StatusCode, new[] { 200, 404, 409 }));

            var balance = (await crm.GetAsync("/members/1/commissions"))["balance"]!;
            var earned = Cny.Amount(balance["pending"]) + Cny.Amount(balance["available"]) + Cny.Amount(balance["withdrawing"]) + Cny.Amount(balance["paidOut"]);
            Assert.Equal(Cny.Amount(balance["netEarned"]), earned);
            Assert.True(Cny.Amount(balance["available"]) >= 0m);
            before = (await crm.GetAsync("/members/1/commissions")).ToJsonString() + (await crm.GetAsync("/members/2")).ToJsonString();
        }

        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            Assert.Equal(before, (await crm.GetAsync("/members/1/commissions")).ToJsonString() + (await crm.GetAsync("/members/2")).ToJsonString());
        }
    }
}
