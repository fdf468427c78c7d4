using System.Text.Json.Nodes;
using CommunityModel.Crm.Storage;
using CommunityModel.Crm.Tests.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Crm.Tests.MonthEnd;

/// <summary>
/// Month-end runs once per period: the same request again answers the first run's report and pays nothing twice, other
/// content is a 409, and a run a failure or a stopped process left half done is finished once, from the store.
/// </summary>
public sealed class MonthEndTests
{
    [Fact]
    public async Task A_second_run_for_the_period_answers_the_first_report_and_pays_nothing_twice()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        var member1 = await SeedWithdrawalsAsync(crm, time, 3); // w-1, w-2, w-3: ¥50 each, on 9 March

        var first = await crm.PostAsync("/month-end", new { period = "2026-03" });
        time.Advance(TimeSpan.FromDays(1));
        await member1.PostAsync("/members/1/withdrawals", new { withdrawalId = "w-late", amount = Cny.Of(50m) }); // after the run: April's
        var stored = StoredEvents.All(db.Path);
        var again = await crm.PostAsync("/month-end", new { period = "2026-03" });
        var defaulted = await crm.PostAsync("/month-end"); // no period: the current month, March again

        Assert.Equal(("2026-03", false), ((string?)first["period"], (bool?)first["replayed"]));
        Assert.Equal(new[] { "w-1", "w-2", "w-3" }, Ids(first["paidWithdrawals"]));
        Assert.Equal(150.00m, Cny.Amount(first["paidOut"]));
        Assert.Equal(new[] { (1L, 360.00m) }, first["released"]!.AsArray().Select(r => ((long)r!["memberId"]!, Cny.Amount(r["amount"]))));
        Assert.True((bool?)again["replayed"]);
        first.AsObject()["replayed"] = true;
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(first.ToJsonString(), defaulted.ToJsonString());
        Assert.Equal(stored, StoredEvents.All(db.Path));
        Assert.Equal((1L, 1L, 3L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1"), StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1")));
        var balance = (await member1.GetAsync("/members/1/commissions"))["balance"]!;
        Assert.Equal((150.00m, 50.00m), (Cny.Amount(balance["paidOut"]), Cny.Amount(balance["withdrawing"])));

        // April is a new period: it pays the withdrawal requested after March's run, and nothing of March again.
        time.Advance(TimeSpan.FromDays(30));
        var april = await crm.PostAsync("/month-end");
        Assert.Equal(("2026-04", false), ((string?)april["period"], (bool?)april["replayed"]));
        Assert.Equal(new[] { "w-late" }, Ids(april["paidWithdrawals"]));
        Assert.Equal((string?)first["closedAt"], (string?)april["previousClosedAt"]);
        Assert.Equal(4, StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1"));
    }

    [Fact]
    public async Task The_period_asked_again_with_another_expected_payout_is_a_409_and_changes_nothing()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await SeedWithdrawalsAsync(crm, time, 2);
        await crm.PostAsync("/month-end", new { period = "2026-03" });
        var stored = StoredEvents.All(db.Path);

        var conflict = await crm.PostAsync("/month-end", new { period = "2026-03", expectedPayout = Cny.Of(100m) }, 409);

        Assert.Equal(("crm.month_end_conflict", "expectedPayout"), ((string?)conflict["code"], (string?)conflict["field"]));
        Assert.Equal(stored, StoredEvents.All(db.Path));
        Assert.Equal(2, StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1"));
    }

    [Fact]
    public async Task A_run_that_would_pay_another_total_than_expected_is_a_409_and_pays_nothing_then_the_reviewed_total_runs()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        var member1 = await SeedWithdrawalsAsync(crm, time, 2); // ¥100 pending
        var stored = StoredEvents.All(db.Path);

        var refused = await crm.PostAsync("/month-end", new { expectedPayout = Cny.Of(50m) }, 409);

        Assert.Equal(("crm.payout_changed", "expectedPayout"), ((string?)refused["code"], (string?)refused["field"]));
        Assert.Equal(stored, StoredEvents.All(db.Path));
        Assert.All((await member1.GetAsync("/members/1/withdrawals"))["items"]!.AsArray(), w => Assert.Equal("Requested", (string?)w!["status"]));

        var run = await crm.PostAsync("/month-end", new { expectedPayout = Cny.Of(100m) });
        Assert.Equal(100.00m, Cny.Amount(run["paidOut"]));
        Assert.All((await member1.GetAsync("/members/1/withdrawals"))["items"]!.AsArray(), w => Assert.Equal("Paid", (string?)w!["status"]));
    }

    [Theory]
    [InlineData("2026-3")]
    [InlineData("March")]
    [InlineData("2026-13")]
    [InlineData("2026-04")] // not the current month, never run
    [InlineData("2026-02")]
    public async Task A_period_that_is_malformed_or_not_the_current_month_is_a_400_and_changes_nothing(string period)
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await SeedWithdrawalsAsync(crm, time, 1);
        var stored = StoredEvents.All(db.Path);

        var problem = await crm.PostAsync("/month-end", new { period }, 400);

        Assert.Equal(("crm.invalid_request", "period"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(stored, StoredEvents.All(db.Path));
    }

    [Theory]
    [InlineData("{\"period\": 202603}", "period")]
    [InlineData("{\"period\": \"2026-03\", \"surprise\": 1}", "surprise")]
    [InlineData("[]", null)]
    public async Task A_body_that_is_not_a_month_end_request_is_a_400_and_changes_nothing(string body, string? field)
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await SeedWithdrawalsAsync(crm, time, 1);
        var stored = StoredEvents.All(db.Path);

        using var response = await crm.Client.PostAsync("/month-end", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal((400, "crm.invalid_request", field), ((int)response.StatusCode, (string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(stored, StoredEvents.All(db.Path));
    }

    [Fact]
    public async Task Parallel_requests_for_the_period_start_one_run_and_pay_each_withdrawal_once()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time, new Dictionary<string, string?> { ["Crm:MonthEndPaymentsPerStep"] = "1" });
        await SeedWithdrawalsAsync(crm, time, 5);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => crm.PostAsync("/month-end")));

        Assert.Single(answers, a => (bool?)a["replayed"] == false);
        Assert.All(answers, a => Assert.Equal(new[] { "w-1", "w-2", "w-3", "w-4", "w-5" }, Ids(a["paidWithdrawals"])));
        Assert.Equal((1L, 1L, 5L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1"), StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1")));
    }

    [Fact]
    public async Task A_run_cut_off_after_part_of_its_payments_is_finished_once_by_the_restarted_process()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        var settings = new Dictionary<string, string?> { ["Crm:MonthEndPaymentsPerStep"] = "2" };
        FailingEventLog log = null!;
        await using (var crm = await CrmHost.StartAsync(db.Path, time, settings, s => s.AddSingleton<IEventLog>(sp => log = new FailingEventLog(sp.GetRequiredService<SqliteEventStore>()))))
        {
            await SeedWithdrawalsAsync(crm, time, 5);

            // The start and the first two payments are stored; then the disk fails.
            log.AppendsBeforeFailing = 2;
            var failed = await crm.PostAsync("/month-end", null, 503);

            Assert.Equal("crm.unavailable", (string?)failed["code"]);
            Assert.Equal((1L, 2L, 0L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1")));
        }

        // A new process on the file finishes the stored run before it answers anyone: the other three, once.
        await using (var crm = await CrmHost.StartAsync(db.Path, time, settings))
        {
            Assert.Equal((1L, 5L, 1L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1")));
            var run = await crm.PostAsync("/month-end");
            Assert.True((bool?)run["replayed"]);
            Assert.Equal(new[] { "w-1", "w-2", "w-3", "w-4", "w-5" }, Ids(run["paidWithdrawals"]));
            Assert.Equal(250.00m, Cny.Amount(run["paidOut"]));
            Assert.Equal(250.00m, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["paidOut"]));
            Assert.All(StoredEvents.ActorsIn(db.Path, Streams.Community), actor => Assert.Equal(CrmHost.AdminName, actor));
            Assert.Equal(5L, StoredEvents.DistinctWithdrawalsPaid(db.Path));
        }
    }

    [Fact]
    public async Task A_run_cut_off_by_a_failure_is_finished_by_the_next_request_in_the_same_process()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        FailingEventLog log = null!;
        await using var crm = await CrmHost.StartAsync(
            db.Path, time, new Dictionary<string, string?> { ["Crm:MonthEndPaymentsPerStep"] = "1" }, s => s.AddSingleton<IEventLog>(sp => log = new FailingEventLog(sp.GetRequiredService<SqliteEventStore>())));
        await SeedWithdrawalsAsync(crm, time, 3);
        log.AppendsBeforeFailing = 2; // the start and w-1
        await crm.PostAsync("/month-end", null, 503);
        log.AppendsBeforeFailing = null;

        var run = await crm.PostAsync("/month-end");

        Assert.False((bool?)run["replayed"]);
        Assert.Equal(new[] { "w-1", "w-2", "w-3" }, Ids(run["paidWithdrawals"]));
        Assert.Equal((1L, 3L, 1L), (StoredEvents.Count(db.Path, "crm.month_end_started.v1"), StoredEvents.Count(db.Path, "commissions.withdrawal_paid.v1"), StoredEvents.Count(db.Path, "crm.month_end_closed.v1")));
    }

    /// <summary>Member 2 (referred by 1) buys VIP, 8 days pass, member 1 withdraws ¥50 <paramref name="count"/> times (w-1, w-2, ...).</summary>
    internal static async Task<CrmClient> SeedWithdrawalsAsync(CrmHost crm, FakeTimeProvider time, int count)
    {
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);
        await crm.PostAsync("/members/2/orders", new { orderId = "vip-2", item = "VIP" }); // ¥360 to member 1
        time.Advance(TimeSpan.FromDays(8));
        var member1 = await crm.MemberAsync(1);
        for (var i = 1; i <= count; i++)
        {
            await member1.PostAsync("/members/1/withdrawals", new { withdrawalId = $"w-{i}", amount = Cny.Of(50m) });
        }

        return member1;
    }

    private static string?[] Ids(JsonNode? withdrawals) => [.. withdrawals!.AsArray().Select(w => (string?)w!["withdrawalId"])];
}
