using CommunityModel.Memberships;
using CommunityModel.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Persistence;

/// <summary>The worked example of docs/persistence.md: store events, snapshot, restore, read the rest.</summary>
public class PersistenceWalkthroughTests
{
    [Fact]
    public async Task Restoring_the_snapshot_and_reading_the_rest_gives_the_membership_replay_gives()
    {
        var ct = CancellationToken.None;
        var timeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        var plan = new MembershipPlanBuilder().UseSeedBusiness().Build(SeedBusiness.CreateCatalog());
        var store = new InMemoryEventStore();
        var snapshots = new InMemorySnapshotStore<MembershipSnapshot>();
        var desk = new MembershipDesk(plan, timeProvider);
        const string stream = "member-7";

        var bought = desk.Purchase(7, SeedBusiness.Vip);
        var version = await store.AppendAsync(stream, 0, [.. bought.Events], ct);
        var used = desk.Consume(bought.Membership, SeedBusiness.OfflineCourse, "attendance-7731");
        version = await store.AppendAsync(stream, version, [.. used.Events], ct);
        Assert.Equal(bought.Events.Length + 1, version);

        await snapshots.SaveAsync(new(stream, version, used.Membership.ToSnapshot()), ct);
        var renewed = desk.Renew(used.Membership);
        version = await store.AppendAsync(stream, version, [.. renewed.Events], ct);

        var latest = await snapshots.LoadAsync(stream, ct);
        var membership = Membership.Restore(latest!.State);
        var after = 0;
        await foreach (var recorded in store.ReadStreamAsync(stream, latest.Version + 1, ct))
        {
            membership = membership.Apply((IMembershipEvent)recorded.Event);
            after++;
        }

        var all = await InMemoryEventStoreTests.ToListAsync(store.ReadStreamAsync(stream, cancellationToken: ct));
        Assert.Equal(renewed.Events.Length, after);
        Assert.Equal(renewed.Membership, membership);
        Assert.Equal(Membership.Replay(all.Select(e => (IMembershipEvent)e.Event)), membership);
    }
}
