using CommunityModel.Crm.State;
using CommunityModel.Crm.Storage;
using CommunityModel.Metrics;
using CommunityModel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Crm.Tests.State;

/// <summary>
/// The writer's promise: what is not stored is not kept. The community applies its events as it decides, so a command
/// that fails afterwards, or whose append is refused, must leave memory as the store is.
/// </summary>
public sealed class CommunityWriterTests
{
    [Fact]
    public async Task A_command_that_fails_after_the_community_decided_leaves_neither_memory_nor_the_store_changed()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        var writer = crm.Services.GetRequiredService<CommunityWriter>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ExecuteAsync<int>(
            Streams.Member(new MemberId(9)), "admin",
            context =>
            {
                context.Execute(new RegisterMember(new MemberId(9)));
                throw new InvalidOperationException("a later step failed");
            },
            CancellationToken.None));

        Assert.Equal("a later step failed", error.Message);
        Assert.Equal("community.unknown_member", (string?)(await crm.GetAsync("/members/9", 404))["code"]);
        Assert.Equal(0, StoredEvents.All(db.Path));
        await crm.RegisterAsync(9); // the rebuilt community takes the member, at the stream's real version
    }

    [Fact]
    public async Task An_append_refused_for_an_unnamed_event_stores_none_of_the_command_and_rebuilds_memory()
    {
        using var db = new TempDatabase();
        await using var crm = await CrmHost.StartAsync(db.Path, Clock.Start());
        await crm.RegisterAsync(1);
        var writer = crm.Services.GetRequiredService<CommunityWriter>();

        await Assert.ThrowsAsync<UnregisteredEventTypeException>(() => writer.ExecuteAsync(
            Streams.Member(new MemberId(2)), "admin",
            context =>
            {
                context.Execute(new RegisterMember(new MemberId(2), new MemberId(1)));
                context.Record(new NotStorable(DateTimeOffset.UnixEpoch));
                return 0;
            },
            CancellationToken.None));

        await crm.GetAsync("/members/2", 404);
        Assert.Equal(0, StoredEvents.InStream(db.Path, "member-2"));
        Assert.Equal(1, (long?)(await crm.RegisterAsync(2, sponsor: 1))["sponsorId"]);
    }

    [Fact]
    public async Task Another_writer_moving_a_members_stream_makes_the_next_command_a_409_version_conflict_and_the_retry_succeeds()
    {
        using var db = new TempDatabase();
        var time = Clock.Start();
        await using var crm = await CrmHost.StartAsync(db.Path, time);
        await crm.RegisterAsync(1);
        await crm.RegisterAsync(2, sponsor: 1);

        // A second process on the same file appends to member 2's stream behind the CRM's back.
        using var other = new SqliteEventStore(db.Path, crm.Services.GetRequiredService<EventSerializer>());
        await other.AppendAsync("member-2", StoredEvents.InStream(db.Path, "member-2"), [new ActivityRecorded(new MemberId(2), time.GetUtcNow())]);

        var conflict = await crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "VIP" }, 409);
        Assert.Equal("persistence.version_conflict", (string?)conflict["code"]);
        Assert.Contains("'member-2'", (string?)conflict["detail"], StringComparison.Ordinal);
        Assert.Equal(0, StoredEvents.Count(db.Path, "membership.purchased.v1"));
        Assert.Equal(0m, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));

        // The CRM rebuilt itself from the store, the other writer's event included: the same request now goes through, once.
        var retried = await crm.PostAsync("/members/2/orders", new { orderId = "o-1", item = "VIP" });
        Assert.False((bool?)retried["replayed"]);
        Assert.Equal((1L, 1L), (StoredEvents.Count(db.Path, "membership.purchased.v1"), StoredEvents.Count(db.Path, "metrics.activity_recorded.v1")));
        Assert.Equal(360.00m, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    private sealed record NotStorable(DateTimeOffset OccurredAt) : IDomainEvent;
}
