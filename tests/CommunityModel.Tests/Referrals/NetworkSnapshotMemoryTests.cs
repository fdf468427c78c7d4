using CommunityModel.Referrals;
using Xunit.Abstractions;

namespace CommunityModel.Tests.Referrals;

/// <summary>Measures the heap, so it runs alone: no other test may allocate meanwhile.</summary>
[CollectionDefinition(nameof(NetworkSnapshotMemoryTests), DisableParallelization = true)]
public sealed class NetworkSnapshotMemoryCollection;

[Collection(nameof(NetworkSnapshotMemoryTests))]
public class NetworkSnapshotMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void A_million_member_snapshot_keeps_at_most_32_bytes_per_member()
    {
        const int members = 1_000_000;
        var random = new Random(7);
        var links = new ReferralLink[members];
        for (var k = 0; k < members; k++)
        {
            links[k] = new ReferralLink(1_000_000_000L + (k * 7919L), k == 0 ? default : new MemberId(1_000_000_000L + (random.Next(k) * 7919L)));
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var snapshot = NetworkSnapshot.Create(links);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(snapshot);
        GC.KeepAlive(links);

        output.WriteLine($"NetworkSnapshot of {members:N0} members: {retained / (double)members:F2} B/member retained, {allocated / (double)members:F2} B/member allocated while building");
        Assert.Equal(members, snapshot.Count);
        Assert.InRange(retained, 16L * members, 32L * members);
    }
}
