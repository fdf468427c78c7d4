namespace CommunityModel.Crm.State;

/// <summary>
/// One command in progress: the state it decides on, the stream its events go to, and the events to append to it in
/// one transaction. The community applies its own events as it decides; the writer rebuilds everything from the store
/// if they are not stored.
/// </summary>
internal sealed class CommandContext(CommunityState state, string streamId)
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>The state as of the last committed command (and this command's decisions so far).</summary>
    public CommunityState State { get; } = state;

    /// <summary>The community.</summary>
    public Community Community => State.Community;

    /// <summary>The stream the command's events are appended to.</summary>
    public string StreamId { get; } = streamId;

    /// <summary>The events to store, in order.</summary>
    public IReadOnlyList<IDomainEvent> Events => _events;

    /// <summary>Runs a community command and keeps its events to store.</summary>
    /// <param name="command">The command.</param>
    /// <returns>What it did; a repeat has no events.</returns>
    public CommunityChange Execute(CommunityCommand command)
    {
        var change = Community.Execute(command);
        _events.AddRange(change.Events);
        return change;
    }

    /// <summary>Keeps events decided outside the community (the ledger's withdrawals, the CRM's own facts) to store.</summary>
    /// <param name="events">The events.</param>
    public void Record(params IEnumerable<IDomainEvent> events) => _events.AddRange(events);
}
