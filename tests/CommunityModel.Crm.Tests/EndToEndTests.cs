namespace CommunityModel.Crm.Tests;

/// <summary>A worked flow over HTTP: a four-member line, a VIP purchase, the freeze, month-end and a withdrawal.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_VIP_purchase_pays_three_levels_month_end_releases_them_after_the_freeze_once_and_the_next_period_pays_the_withdrawal()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);

        // 1 ← 2 ← 3 ← 4: each referred by the one before.
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);
        await crm.RegisterAsync(3, sponsor: 2);
        var four = await crm.RegisterAsync(4, sponsor: 3);
        Assert.Equal("Prospect", (string?)four["stage"]);
        Assert.Equal(3, (long?)four["sponsorId"]);

        // Member 4 buys VIP (¥3,600): 10% / 5% / 3% up the line, rounded down, pending for the 7-day freeze.
        var order = await crm.PostAsync("/members/4/orders", new { orderId = "order-1", item = "VIP" });
        Assert.Equal("MembershipPurchase", (string?)order["kind"]);
        Assert.Equal(3600.00m, Cny.Amount(order["amountPaid"]));
        Assert.Equal("Member", (string?)order["stage"]);
        var lines = order["commissions"]!.AsArray();
        Assert.Equal(new[] { (3L, 1, 360.00m), (2L, 2, 180.00m), (1L, 3, 108.00m) }, lines.Select(l => ((long)l!["beneficiary"]!, (int)l["level"]!, Cny.Amount(l["amount"]))));
        Assert.Equal(360.00m, Cny.Amount((await crm.GetAsync("/members/3/commissions"))["balance"]!["pending"]));

        // The member's membership and entitlements, dated in Shanghai: [2026-03-01, 2027-03-01).
        var member = await crm.GetAsync("/members/4");
        Assert.Equal("VIP", (string?)member["membership"]!["tier"]);
        Assert.Equal("Active", (string?)member["membership"]!["status"]);
        Assert.Equal("2027-03-01", (string?)member["membership"]!["paidThrough"]);
        Assert.Equal(
            new[] { "online-courses:-", "community-service:-", "offline-2d1n:1" },
            member["membership"]!["entitlements"]!.AsArray().Select(e => $"{(string?)e!["productId"]}:{e["remaining"]?.ToJsonString() ?? "-"}"));

        // Before the freeze ends, a withdrawal is refused: nothing is available yet.
        time.Advance(TimeSpan.FromDays(6));
        var refused = await (await crm.MemberAsync(3)).PostAsync("/members/3/withdrawals", new { withdrawalId = "w-0", amount = Cny.Of(100m) }, 409);
        Assert.Equal("commissions.insufficient_balance", (string?)refused["code"]);

        // After it, March's run reports what the freeze released.
        time.Advance(TimeSpan.FromDays(2));
        var run = await crm.PostAsync("/month-end");
        Assert.Equal("2026-03", (string?)run["period"]);
        Assert.Equal(new[] { (1L, 108.00m), (2L, 180.00m), (3L, 360.00m) }, run["released"]!.AsArray().Select(r => ((long)r!["memberId"]!, Cny.Amount(r["amount"]))));
        Assert.Equal(648.00m, Cny.Amount(run["releasedTotal"]));

        // Member 3 withdraws ¥100: the fee is 0.6% (¥0.60), ¥99.40 is paid out at the next period's run.
        var withdrawal = await (await crm.MemberAsync(3)).PostAsync("/members/3/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });
        Assert.Equal(0.60m, Cny.Amount(withdrawal["fee"]));
        Assert.Equal(99.40m, Cny.Amount(withdrawal["netPayout"]));
        var balance = (await crm.GetAsync("/members/3/commissions"))["balance"]!;
        Assert.Equal((260.00m, 100.00m, 0m), (Cny.Amount(balance["available"]), Cny.Amount(balance["withdrawing"]), Cny.Amount(balance["paidOut"])));

        // March is closed: running it again answers the same report and pays nothing.
        var again = await crm.PostAsync("/month-end");
        Assert.True((bool?)again["replayed"]);
        Assert.Empty(again["paidWithdrawals"]!.AsArray());
        Assert.Equal((string?)run["closedAt"], (string?)again["closedAt"]);
        Assert.Equal(100.00m, Cny.Amount((await crm.GetAsync("/members/3/commissions"))["balance"]!["withdrawing"]));

        time.Advance(TimeSpan.FromDays(30));
        var next = await crm.PostAsync("/month-end");
        Assert.Equal(("2026-04", false), ((string?)next["period"], (bool?)next["replayed"]));
        Assert.Equal("w-1", (string?)next["paidWithdrawals"]!.AsArray().Single()!["withdrawalId"]);
        Assert.Empty(next["released"]!.AsArray());
        var after = await crm.GetAsync("/members/3/commissions");
        Assert.Equal((260.00m, 0m, 100.00m, 0.60m), (Cny.Amount(after["balance"]!["available"]), Cny.Amount(after["balance"]!["withdrawing"]), Cny.Amount(after["balance"]!["paidOut"]), Cny.Amount(after["balance"]!["feesPaid"])));
        Assert.Equal("Available", (string?)after["lines"]!.AsArray().Single()!["status"]);
    }

    [Fact]
    public async Task A_refund_in_the_cooling_off_period_returns_the_member_to_Customer_and_reverses_every_level()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);
        await crm.PostAsync("/members/2/orders", new { orderId = "order-1", item = "VIP" });

        time.Advance(TimeSpan.FromDays(3));
        var refund = await crm.PostAsync("/members/2/orders/order-1/refunds", new { refundId = "refund-1" });
        Assert.Equal(3600.00m, Cny.Amount(refund["amount"]));
        Assert.Equal(360.00m, Cny.Amount(refund["commissionReversed"]));
        Assert.Equal("Customer", (string?)refund["stage"]);
        Assert.Equal("Refunded", (string?)(await crm.GetAsync("/members/2"))["membership"]!["status"]);
        Assert.Equal("Reversed", (string?)(await crm.GetAsync("/members/1/commissions"))["lines"]!.AsArray().Single()!["status"]);

        // The same refund again is answered from the record and changes nothing.
        var again = await crm.PostAsync("/members/2/orders/order-1/refunds", new { refundId = "refund-1" });
        Assert.True((bool?)again["replayed"]);
        Assert.Equal(360.00m, Cny.Amount(again["commissionReversed"]));
    }

    [Fact]
    public async Task Refunding_an_upgraded_membership_spreads_over_both_payments_and_reverses_the_commission_on_both_orders()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);
        await crm.PostAsync("/members/2/orders", new { orderId = "vip", item = "VIP" });                 // ¥360 to member 1
        time.Advance(TimeSpan.FromDays(1));
        var upgrade = await crm.PostAsync("/members/2/orders", new { orderId = "ka", item = "KA" });     // KA's fixed level 1: ¥6,000
        Assert.Equal("MembershipUpgrade", (string?)upgrade["kind"]);
        Assert.Equal(6000.00m, Cny.Amount(upgrade["commissions"]!.AsArray().Single()!["amount"]));

        time.Advance(TimeSpan.FromDays(2));
        var refund = await crm.PostAsync("/members/2/orders/vip/refunds", new { refundId = "refund-1" });  // inside the cooling-off period

        // Upgraded inside the VIP cooling-off window, the KA term was paid with the whole VIP payment as credit and the upgrade's
        // cash; cooling-off covers everything paid within the window, so the refund gives back every fen: all of "ka" and "vip".
        Assert.Equal(3600.00m + Cny.Amount(upgrade["amountPaid"]), Cny.Amount(refund["amount"]));

        // Both orders are refunded in full, so their commission is reversed in full: ¥6,000 on "ka" and ¥360 on "vip".
        Assert.Equal(6360.00m, Cny.Amount(refund["commissionReversed"]));
        var one = await crm.GetAsync("/members/1/commissions");
        Assert.Equal(0.00m, Cny.Amount(one["balance"]!["netEarned"]));
        Assert.Equal(new[] { ("vip", 360.00m), ("ka", 6000.00m) }, one["lines"]!.AsArray().Select(l => ((string)l!["key"]!["orderLineId"]!, Cny.Amount(l["reversed"]))));
    }

    [Fact]
    public async Task Attending_the_offline_course_uses_the_VIP_quota_once_per_attendance_key()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        await crm.RegisterAsync(5);
        var none = await crm.PostAsync("/members/5/entitlements/offline-2d1n/uses", new { key = "attendance-0" }, 409);
        Assert.Equal("membership.not_entitled", (string?)none["code"]);
        await crm.PostAsync("/members/5/orders", new { orderId = "order-5", item = "VIP" });

        var used = await crm.PostAsync("/members/5/entitlements/offline-2d1n/uses", new { key = "attendance-1" });
        var again = await crm.PostAsync("/members/5/entitlements/offline-2d1n/uses", new { key = "attendance-1" });
        Assert.All(new[] { used, again }, m => Assert.Equal(0, (int?)m["entitlements"]!.AsArray().Single(e => (string?)e!["productId"] == "offline-2d1n")!["remaining"]));

        var exhausted = await crm.PostAsync("/members/5/entitlements/offline-2d1n/uses", new { key = "attendance-2" }, 409);
        Assert.Equal("membership.entitlement_exhausted", (string?)exhausted["code"]);
        var notInVip = await crm.PostAsync("/members/5/entitlements/backend-capital/uses", new { key = "attendance-3" }, 409);
        Assert.Equal("membership.not_entitled", (string?)notInVip["code"]);
        var conflict = await crm.PostAsync("/members/5/entitlements/online-courses/uses", new { key = "attendance-1" }, 409);
        Assert.Equal("membership.idempotency_key_conflict", (string?)conflict["code"]);
    }

    [Fact]
    public async Task Month_end_after_the_last_paid_day_expires_the_membership_and_the_member_lapses()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await crm.RegisterAsync(7);
        await crm.PostAsync("/members/7/orders", new { orderId = "order-7", item = "VIP" });

        time.Advance(TimeSpan.FromDays(366));
        var run = await crm.PostAsync("/month-end");
        Assert.Equal(new[] { 7L }, run["expiredMemberships"]!.AsArray().Select(m => (long)m!));
        var member = await crm.GetAsync("/members/7");
        Assert.Equal("Lapsed", (string?)member["stage"]);
        Assert.Equal("Expired", (string?)member["membership"]!["status"]);
        Assert.Empty(member["membership"]!["entitlements"]!.AsArray());

        // Renewing inside the 30-day grace continues from the last paid day.
        var renewal = await crm.PostAsync("/members/7/orders", new { orderId = "order-8", item = "VIP" });
        Assert.Equal("MembershipRenewal", (string?)renewal["kind"]);
        Assert.Equal("Member", (string?)renewal["stage"]);
        Assert.Equal("2028-03-01", (string?)(await crm.GetAsync("/members/7"))["membership"]!["paidThrough"]);
    }

    [Fact]
    public async Task A_repeated_withdrawal_is_answered_by_the_ledger_stored_once_and_a_reused_id_is_a_409()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            await crm.RegisterAsync(1);
            await crm.RegisterAsync(2, sponsor: 1);
            await crm.PostAsync("/members/2/orders", new { orderId = "vip", item = "VIP" }); // ¥360 to member 1, pending for 7 days

            // Refused for two reasons at once: every refusal is listed with its code.
            var refused = await (await crm.MemberAsync(1)).PostAsync("/members/1/withdrawals", new { withdrawalId = "w-0", amount = Cny.Of(5m) }, 400);
            Assert.Equal("commissions.withdrawal_below_minimum", (string?)refused["code"]);
            Assert.Equal(new[] { "commissions.withdrawal_below_minimum", "commissions.insufficient_balance" }, refused["errors"]!.AsArray().Select(e => (string?)e!["code"]));

            time.Advance(TimeSpan.FromDays(8));
            var first = await (await crm.MemberAsync(1)).PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });
            time.Advance(TimeSpan.FromMinutes(1));
            var again = await (await crm.MemberAsync(1)).PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(100m) });
            var reused = await (await crm.MemberAsync(1)).PostAsync("/members/1/withdrawals", new { withdrawalId = "w-1", amount = Cny.Of(50m) }, 409);

            Assert.Equal((false, true), ((bool?)first["replayed"], (bool?)again["replayed"]));
            Assert.Equal((string?)first["requestedAt"], (string?)again["requestedAt"]);
            Assert.Equal("commissions.id_conflict", (string?)reused["code"]);
            Assert.Equal(100.00m, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["withdrawing"]));
        }

        // The request was stored once, so a new host replays it and month-end pays it once.
        await using (var crm = await CrmHost.StartAsync(db.Path, time))
        {
            Assert.Equal(100.00m, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["withdrawing"]));
            var run = await crm.PostAsync("/month-end");
            Assert.Equal(new[] { "w-1" }, run["paidWithdrawals"]!.AsArray().Select(w => (string?)w!["withdrawalId"]));
            Assert.Equal((0m, 100.00m), (Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["withdrawing"]), Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["paidOut"])));
        }
    }
}
