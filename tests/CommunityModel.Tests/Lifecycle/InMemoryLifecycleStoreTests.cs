using CommunityModel.Lifecycle;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Lifecycle;

public class InMemoryLifecycleStoreTests
{
    private readonly ValueChain _chain = new(new ValueChainOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Transitions_of_different_members_from_many_threads_all_land()
    {
        var store = new InMemoryLifecycleStore();
        Parallel.For(1, 2001, id => Assert.True(store.TryAdd(_chain.Start(id).State)));

        Parallel.For(1, 2001, id =>
        {
            _chain.FireAndSave(store, id, LifecycleTrigger.JoinedLeadGroup);
            _chain.FireAndSave(store, id, LifecycleTrigger.MadeFirstPurchase);
            _chain.FireAndSave(store, id, LifecycleTrigger.BoughtMembership);
        });

        Assert.Equal(2000, store.Count);
        Assert.All(Enumerable.Range(1, 2000), id =>
        {
            Assert.True(store.TryGet(id, out var state));
            Assert.Equal(LifecycleStage.Member, state.Stage);
            Assert.Equal(4, state.Version);
        });
    }

    [Fact]
    public void Two_concurrent_changes_to_one_member_are_caught_by_the_version_and_never_lost()
    {
        var store = new InMemoryLifecycleStore();
        var member = _chain.Start(9).State;
        store.TryAdd(member);
        var wins = 0;
        var conflicts = 0;

        Parallel.For(0, 64, _ =>
        {
            Assert.True(store.TryGet(9, out var read));
            var next = _chain.Fire(read, read.Stage == LifecycleStage.Prospect ? LifecycleTrigger.BoughtMembership : LifecycleTrigger.MembershipRenewed).State;
            if (store.TryReplace(read, next))
            {
                Interlocked.Increment(ref wins);
            }
            else
            {
                Interlocked.Increment(ref conflicts);
            }
        });

        Assert.True(store.TryGet(9, out var final));
        Assert.Equal(64, wins + conflicts);
        Assert.Equal(1 + wins, final.Version);
    }

    [Fact]
    public void A_stale_change_is_refused_and_FireAndSave_reports_the_conflict_with_both_versions()
    {
        var store = new InMemoryLifecycleStore();
        var start = _chain.Start(3).State;
        store.TryAdd(start);
        var fan = _chain.Fire(start, LifecycleTrigger.Followed).State;
        Assert.True(store.TryReplace(start, fan));

        var stale = _chain.Fire(start, LifecycleTrigger.BoughtMembership).State;

        Assert.False(store.TryReplace(start, stale));
        Assert.True(store.TryGet(3, out var stored));
        Assert.Equal(fan, stored);
        Assert.False(store.TryAdd(start));
        var conflict = new LifecycleConcurrencyException(3, 1, 2);
        Assert.Equal(ErrorCodes.LifecycleVersionConflict, conflict.ErrorCode);
        Assert.Contains("based on version 1, the store holds version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => store.TryReplace(start, _chain.Fire(fan, LifecycleTrigger.MadeFirstPurchase).State));
        Assert.Contains("not in the store", Assert.Throws<InvalidLifecycleStateException>(() => _chain.FireAndSave(store, 4, LifecycleTrigger.Followed)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FireAndSave_throws_the_concurrency_error_when_the_store_moved_on_between_read_and_write()
    {
        var inner = new InMemoryLifecycleStore();
        inner.TryAdd(_chain.Start(5).State);
        var racing = new RacingStore(inner, _chain);

        var error = Assert.Throws<LifecycleConcurrencyException>(() => _chain.FireAndSave(racing, 5, LifecycleTrigger.JoinedLeadGroup));

        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        Assert.True(inner.TryGet(5, out var stored));
        Assert.Equal(LifecycleStage.Fan, stored.Stage);
        Assert.Equal(2, stored.Version);
    }

    /// <summary>A store where another writer always changes the member right before our write.</summary>
    private sealed class RacingStore(InMemoryLifecycleStore inner, ValueChain chain) : ILifecycleStore
    {
        public bool TryGet(MemberId member, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LifecycleState? state) => inner.TryGet(member, out state);

        public bool TryAdd(LifecycleState state) => inner.TryAdd(state);

        public bool TryReplace(LifecycleState current, LifecycleState next)
        {
            inner.TryReplace(current, chain.Fire(current, LifecycleTrigger.Followed).State);
            return inner.TryReplace(current, next);
        }
    }
}
