using CommunityModel.Crm.Errors;
using CommunityModel.Crm.Storage;
using CrmState = CommunityModel.Crm.State;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Crm.Tests.State;

/// <summary>
/// Reads never see a decision that is not stored: the community applies an order's commission as it decides, but a
/// read waits for the batch's commit, and a save that fails leaves every read as it was.
/// </summary>
public sealed class UncommittedReadTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private FailingEventLog _log = null!;
    private CrmHost _crm = null!;

    public async Task InitializeAsync()
    {
        _crm = await CrmHost.StartAsync(_db.Path, Clock.Start(), services: s => s.AddSingleton<IEventLog>(sp => _log = new FailingEventLog(sp.GetRequiredService<SqliteEventStore>())));
        await _crm.RegisterAsync(1);
        await _crm.RegisterAsync(2, sponsor: 1);
    }

    public async Task DisposeAsync()
    {
        _log.Release();
        await _crm.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task A_save_that_fails_is_a_503_and_leaves_every_read_unchanged()
    {
        var before = await SnapshotAsync();
        var stored = StoredEvents.All(_db.Path);
        _log.FailAppends = true;

        var problem = await _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "KA" }, 503);

        Assert.Equal("crm.unavailable", (string?)problem["code"]);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(stored, StoredEvents.All(_db.Path));

        _log.FailAppends = false; // the disk is back: the same order goes through, once
        Assert.False((bool?)(await _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "KA" }))["replayed"]);
        Assert.Equal(6000.00m, Cny.Amount((await _crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    [Fact]
    public async Task A_read_during_a_save_waits_for_it_and_never_shows_the_commission_of_an_order_that_then_fails()
    {
        _log.Hold();
        _log.FailAppends = true;
        var order = _crm.Client.PostAsync("/members/2/orders", System.Net.Http.Json.JsonContent.Create(new { orderId = "o-1", item = "KA" }));
        await _log.AppendWaiting.Task.WaitAsync(TimeSpan.FromSeconds(30)); // decided, applied in memory, not stored

        var read = _crm.GetAsync("/members/1/commissions");
        await Task.Delay(200);
        Assert.False(read.IsCompleted); // the read waits for the commit rather than see the decision
        _log.Release();

        Assert.Equal(0m, Cny.Amount((await read)["balance"]!["pending"]));
        using var refused = await order;
        Assert.Equal(503, (int)refused.StatusCode);
        Assert.Equal("Prospect", (string?)(await _crm.GetAsync("/members/2"))["stage"]);
    }

    [Fact]
    public async Task A_command_decided_while_the_previous_batch_waits_for_the_disk_is_refused_with_it_when_that_append_fails()
    {
        _log.Hold();
        _log.FailAppends = true;
        var first = _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" }, 503);
        await _log.AppendWaiting.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the first batch waits at its commit

        // The next command is decided meanwhile, on top of the first (its commission already in memory).
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = _crm.Services.GetRequiredService<CrmState.CommunityWriter>();
        var second = writer.ExecuteAsync<int>(
            Streams.Member(new MemberId(1)), "admin",
            context =>
            {
                var change = context.Execute(new PlaceOrder(new MemberId(1), "o-2", "bootcamp"));
                decided.SetResult();
                return change.Events.Length;
            },
            CancellationToken.None);
        await decided.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _log.Release();

        Assert.Equal("crm.unavailable", (string?)(await first)["code"]);
        Assert.Equal(CrmErrorCodes.Unavailable, (await Assert.ThrowsAsync<CrmException>(() => second)).ErrorCode);
        Assert.Equal(0, StoredEvents.Count(_db.Path, "community.product_purchased.v1"));
        Assert.Equal(0m, Cny.Amount((await _crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));

        _log.FailAppends = false; // both go through on a retry, once each
        await _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        await _crm.PostAsync("/members/1/orders", new { orderId = "o-2", item = "bootcamp" });
        Assert.Equal(2, StoredEvents.Count(_db.Path, "community.product_purchased.v1"));
        Assert.Equal(19.90m, Cny.Amount((await _crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    [Fact]
    public async Task An_order_the_disk_does_not_confirm_is_a_503_saying_so_and_the_same_order_again_is_stored_once()
    {
        _log.FailFlushes = true;

        var unconfirmed = await _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" }, 503);

        Assert.Equal("crm.unavailable", (string?)unconfirmed["code"]);
        Assert.Contains("may or may not be stored", (string?)unconfirmed["detail"], StringComparison.Ordinal);

        // Committed but not confirmed: memory is rebuilt from the store, which has it; sending it again is a repeat.
        _log.FailFlushes = false;
        await _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "bootcamp" });
        Assert.Equal(1, StoredEvents.Count(_db.Path, "community.product_purchased.v1"));
        Assert.Equal(19.90m, Cny.Amount((await _crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    [Fact]
    public async Task When_the_store_cannot_be_read_back_either_reads_answer_503_until_it_can_never_the_unsaved_state()
    {
        _log.FailAppends = true;
        _log.FailReads = true;

        await _crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "KA" }, 503);
        var problem = await _crm.GetAsync("/members/1/commissions", 503);

        Assert.Equal("crm.unavailable", (string?)problem["code"]);
        _log.FailReads = false;
        Assert.Equal(0m, Cny.Amount((await _crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
        Assert.Null((await _crm.GetAsync("/members/2"))["membership"]);
    }

    private async Task<string> SnapshotAsync() =>
        (await _crm.GetAsync("/members/1")).ToJsonString() + (await _crm.GetAsync("/members/1/commissions")).ToJsonString() + (await _crm.GetAsync("/members/2")).ToJsonString();
}
