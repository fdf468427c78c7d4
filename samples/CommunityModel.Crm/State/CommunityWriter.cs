using CommunityModel.Commissions.DependencyInjection;
using CommunityModel.Crm.Storage;
using CommunityModel.Lifecycle;
using CommunityModel.Referrals;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.State;

/// <summary>
/// Runs commands one at a time and stores their events before anyone sees their effects.
/// <list type="bullet">
/// <item>One <see cref="SemaphoreSlim"/> serialises every command, so two requests on one member never
/// decide on the same state (the ledger's and network's own locks guard single calls, not a command
/// that reads, decides and writes across several of them).</item>
/// <item>A command's events are appended in one SQLite transaction <em>before</em> its lifecycle states,
/// memberships and read models are published; a request is answered only after the commit.</item>
/// <item>The library's network and ledger change as they decide (their methods apply their own events).
/// If a command fails after one of them changed, or the append fails, the community is rebuilt from the
/// store, so memory never holds what the database does not.</item>
/// </list>
/// </summary>
internal sealed class CommunityWriter(
    SqliteEventStore store,
    IOptions<ReferralOptions> referrals,
    IOptions<CommissionsOptions> commissions,
    ValueChain chain,
    TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Community? _current;

    /// <summary>The community as of the last committed command.</summary>
    /// <exception cref="InvalidOperationException">The store has not been loaded (the host has not started).</exception>
    public Community Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The community has not been loaded from the event store yet.");

    /// <summary>Creates the database if needed and rebuilds the community by replaying every stored event.</summary>
    /// <returns>The number of events replayed.</returns>
    public int Load()
    {
        store.Initialize();
        var events = store.ReadAll();
        Volatile.Write(ref _current, Rebuild(events));
        return events.Count;
    }

    /// <summary>Runs a command alone, appends its events in one transaction, then publishes its results.</summary>
    /// <typeparam name="T">The command's answer.</typeparam>
    /// <param name="command">Decides, through the library, and records the events.</param>
    /// <param name="cancellationToken">Cancels the wait for the gate (never a command under way).</param>
    /// <returns>The command's answer.</returns>
    public async Task<T> ExecuteAsync<T>(Func<CommandContext, T> command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var context = new CommandContext(Current);
            T answer;
            try
            {
                answer = command(context);
                store.Append(context.Events);
            }
            catch when (context.Events.Count > 0)
            {
                // Something decided (and the network or ledger may have applied it) but was not stored: start again from the store.
                Volatile.Write(ref _current, Rebuild(store.ReadAll()));
                throw;
            }

            context.Commit();
            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Community Rebuild(IReadOnlyList<IDomainEvent> events) =>
        Community.Replay(events, referrals.Value, commissions.Value.Ledger, chain, time);
}
