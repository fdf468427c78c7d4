using CommunityModel.Memberships;
using CommunityModel.Persistence;
using CommunityModel.Tests.Community;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Persistence;

/// <summary>The community example of docs/persistence.md: streams per member, one snapshot at a store position.</summary>
public class CommunityPersistenceWalkthroughTests
{
    [Fact]
    public async Task Restoring_the_community_snapshot_and_applying_what_came_after_answers_as_the_live_community()
    {
        var ct = CancellationToken.None;
        var clock = new FakeTimeProvider(TestCommunity.Start);
        var community = TestCommunity.Create(clock);
        var store = new InMemoryEventStore();
        var snapshots = new InMemorySnapshotStore<CommunitySnapshot>();
        var versions = new Dictionary<MemberId, long>();

        async Task Run(CommunityCommand command, MemberId member)
        {
            var change = community.Execute(command);
            versions[member] = await store.AppendAsync($"member-{member}", versions.GetValueOrDefault(member), [.. change.Events], ct);
        }

        await Run(new RegisterMember(1), 1);
        await Run(new RegisterMember(2, 1), 2);
        await Run(new PlaceOrder(2, "o-1", SeedBusiness.Vip), 2);
        await snapshots.SaveAsync(new("community", store.Count, community.ToSnapshot()), ct);
        await Run(new PlaceOrder(1, "o-2", SeedBusiness.Bootcamp), 1);

        var latest = await snapshots.LoadAsync("community", ct);
        var restored = TestCommunity.Create(clock);
        restored.Restore(latest!.State);
        var after = 0;
        await foreach (var recorded in store.ReadAllAsync(latest.Version + 1, ct))
        {
            restored.Apply(recorded.Event);
            after++;
        }

        Assert.True(after > 0);
        Assert.Equal(community.Members.OrderBy(m => m.Id), restored.Members.OrderBy(m => m.Id));
        Assert.Equal("VIP-000001", restored.Member(2).Number?.Text);
        Assert.Equal(community.OrdersOf(1).AsEnumerable(), restored.OrdersOf(1));
    }
}
