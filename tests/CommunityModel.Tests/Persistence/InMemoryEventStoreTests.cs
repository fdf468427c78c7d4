using CommunityModel.Persistence;

namespace CommunityModel.Tests.Persistence;

public class InMemoryEventStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemoryEventStore _store = new();

    [Fact]
    public async Task Appends_return_the_new_version_and_reads_return_the_events_in_order_with_versions_and_positions()
    {
        Assert.Equal(2, await _store.AppendAsync("member-7", 0, [Activity(7, 1), Activity(7, 2)]));
        Assert.Equal(3, await _store.AppendAsync("member-7", 2, [Activity(7, 3)]));

        var read = await ToListAsync(_store.ReadStreamAsync("member-7"));

        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Version));
        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Position));
        Assert.Equal([Activity(7, 1), Activity(7, 2), Activity(7, 3)], read.Select(e => e.Event));
        Assert.All(read, e => Assert.Equal("member-7", e.StreamId));
        Assert.Equal(3, _store.Count);
    }

    [Fact]
    public async Task Reading_from_a_version_returns_what_came_after_a_snapshot()
    {
        await _store.AppendAsync("member-7", 0, [Activity(7, 1), Activity(7, 2), Activity(7, 3)]);

        Assert.Equal([3L], (await ToListAsync(_store.ReadStreamAsync("member-7", fromVersion: 3))).Select(e => e.Version));
        Assert.Empty(await ToListAsync(_store.ReadStreamAsync("member-7", fromVersion: 4)));
        Assert.Empty(await ToListAsync(_store.ReadStreamAsync("member-8")));
    }

    [Fact]
    public async Task A_conflicting_append_throws_naming_both_versions_and_leaves_the_stream_untouched()
    {
        await _store.AppendAsync("member-7", 0, [Activity(7, 1)]);

        var conflict = await Assert.ThrowsAsync<StreamConcurrencyException>(async () => await _store.AppendAsync("member-7", 0, [Activity(7, 2), Activity(7, 3)]));

        Assert.Equal(ErrorCodes.StreamVersionConflict, conflict.ErrorCode);
        Assert.Equal(("member-7", 0L, 1L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Contains("'member-7'", conflict.Message, StringComparison.Ordinal);
        Assert.Equal([Activity(7, 1)], (await ToListAsync(_store.ReadStreamAsync("member-7"))).Select(e => e.Event));
        Assert.Equal(1, _store.Count);
        await Assert.ThrowsAsync<StreamConcurrencyException>(async () => await _store.AppendAsync("member-8", 1, [Activity(8, 1)]));
        Assert.Empty(await ToListAsync(_store.ReadStreamAsync("member-8")));
    }

    [Fact]
    public async Task Of_two_racing_writers_on_one_version_exactly_one_wins()
    {
        await _store.AppendAsync("member-7", 0, [Activity(7, 0)]);

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await _store.AppendAsync("member-7", 1, [Activity(7, i)]);
                return true;
            }
            catch (StreamConcurrencyException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public async Task A_cancelled_append_writes_nothing_and_a_cancelled_read_stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await _store.AppendAsync("member-7", 0, [Activity(7, 1), Activity(7, 2)]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _store.AppendAsync("member-7", 2, [Activity(7, 3)], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ToListAsync(_store.ReadStreamAsync("member-7", cancellationToken: cancelled.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ToListAsync(_store.ReadAllAsync(cancellationToken: cancelled.Token)));
        Assert.Equal(2, _store.Count);

        using var midway = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _store.ReadAllAsync().WithCancellation(midway.Token))
            {
                seen++;
                await midway.CancelAsync();
            }
        });
        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task Reading_everything_returns_every_stream_interleaved_in_append_order()
    {
        await _store.AppendAsync("member-7", 0, [Activity(7, 1)]);
        await _store.AppendAsync("member-8", 0, [Activity(8, 1), Activity(8, 2)]);
        await _store.AppendAsync("member-7", 1, [Activity(7, 2)]);

        var all = await ToListAsync(_store.ReadAllAsync());

        Assert.Equal([("member-7", 1L), ("member-8", 1L), ("member-8", 2L), ("member-7", 2L)], all.Select(e => (e.StreamId, e.Version)));
        Assert.Equal([1L, 2L, 3L, 4L], all.Select(e => e.Position));
        Assert.Equal([4L], (await ToListAsync(_store.ReadAllAsync(fromPosition: 4))).Select(e => e.Position));
    }

    [Fact]
    public async Task An_empty_append_checks_the_version_and_writes_nothing()
    {
        Assert.Equal(0, await _store.AppendAsync("member-7", 0, []));
        await Assert.ThrowsAsync<StreamConcurrencyException>(async () => await _store.AppendAsync("member-7", 3, []));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _store.AppendAsync(" ", 0, [Activity(7, 1)]));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _store.AppendAsync("member-7", -1, [Activity(7, 1)]));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await _store.AppendAsync("member-7", 0, [Activity(7, 1), null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.ReadStreamAsync("member-7", fromVersion: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.ReadAllAsync(fromPosition: 0));
        Assert.Equal(0, _store.Count);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static CommunityModel.Metrics.ActivityRecorded Activity(long member, int minute) => new(member, At.AddMinutes(minute));
}
