using CommunityModel.Lifecycle;
using CommunityModel.Persistence;

namespace CommunityModel.Tests.Persistence;

public class InMemorySnapshotStoreTests
{
    private static readonly LifecycleSnapshot Fan = new(7, LifecycleStage.Fan, 2, DateTimeOffset.UnixEpoch.AddDays(1), [new(LifecycleStage.Prospect, DateTimeOffset.UnixEpoch), new(LifecycleStage.Fan, DateTimeOffset.UnixEpoch.AddDays(1))]);
    private readonly InMemorySnapshotStore<LifecycleSnapshot> _store = new();

    [Fact]
    public async Task Keeps_the_latest_snapshot_of_each_stream()
    {
        Assert.Null(await _store.LoadAsync("member-7"));

        Assert.True(await _store.SaveAsync(new("member-7", 1, Fan with { Version = 1 })));
        Assert.True(await _store.SaveAsync(new("member-7", 2, Fan)));
        Assert.False(await _store.SaveAsync(new("member-7", 1, Fan with { Version = 1 })));

        var latest = await _store.LoadAsync("member-7");
        Assert.Equal(2, latest!.Version);
        Assert.Same(Fan, latest.State);
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task A_cancelled_save_keeps_nothing_and_bad_snapshots_are_refused()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _store.SaveAsync(new("member-7", 2, Fan), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _store.LoadAsync("member-7", cancelled.Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _store.SaveAsync(new("member-7", 0, Fan)));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _store.SaveAsync(new(" ", 2, Fan)));
        Assert.Equal(0, _store.Count);
    }
}
