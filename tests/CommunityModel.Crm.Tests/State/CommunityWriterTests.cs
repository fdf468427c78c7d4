using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Crm.State;
using CommunityModel.Crm.Storage;
using CommunityModel.Lifecycle;
using CommunityModel.Referrals;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.Tests.State;

/// <summary>
/// The writer's promise: what is not stored is not kept. The network and the ledger apply their own events as
/// they decide, so a command that fails after they changed must leave memory as the store is.
/// </summary>
public sealed class CommunityWriterTests
{
    [Fact]
    public async Task A_command_that_fails_after_the_network_changed_leaves_neither_memory_nor_the_store_changed()
    {
        using var db = new TempDatabase();
        var writer = Writer(db.Path);
        writer.Load();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ExecuteAsync<int>(
            context =>
            {
                context.Record(context.Community.Network.Register(9));
                throw new InvalidOperationException("a later step failed");
            },
            CancellationToken.None));

        Assert.Equal("a later step failed", error.Message);
        Assert.False(writer.Current.Network.Contains(9));
        Assert.Equal(0, Writer(db.Path).Load());
    }

    [Fact]
    public async Task A_failed_append_rolls_back_the_whole_command_and_rebuilds_memory_from_the_store()
    {
        using var db = new TempDatabase();
        var writer = Writer(db.Path);
        writer.Load();
        await writer.ExecuteAsync(context => { context.Record(context.Community.Network.Register(1)); return 0; }, CancellationToken.None);

        // The second event cannot be stored (no JSON metadata for it): the transaction holding the first is rolled back too.
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ExecuteAsync(
            context =>
            {
                context.Record(context.Community.Network.Register(2, sponsor: 1));
                context.Record(new NotStorable(DateTimeOffset.UnixEpoch));
                return 0;
            },
            CancellationToken.None));

        Assert.True(writer.Current.Network.Contains(1));
        Assert.False(writer.Current.Network.Contains(2));
        var reloaded = Writer(db.Path);
        Assert.Equal(1, reloaded.Load());
        Assert.False(reloaded.Current.Network.Contains(2));
    }

    private static CommunityWriter Writer(string database)
    {
        var time = Clock.Start();
        return new CommunityWriter(
            new SqliteEventStore(database),
            Options.Create(new ReferralOptions()),
            Options.Create(new CommissionsOptions()),
            new ValueChain(new ValueChainOptions(), time),
            time);
    }

    private sealed record NotStorable(DateTimeOffset OccurredAt) : IDomainEvent;
}
