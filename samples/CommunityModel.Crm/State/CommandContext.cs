using CommunityModel.Lifecycle;
using CommunityModel.Memberships;

namespace CommunityModel.Crm.State;

/// <summary>
/// One command in progress: the community it decides on, the events it produced (to append in one
/// transaction), and the new lifecycle states and memberships to publish once they are stored.
/// </summary>
internal sealed class CommandContext(Community community)
{
    private readonly List<IDomainEvent> _events = [];
    private readonly Dictionary<MemberId, LifecycleState> _lifecycles = [];
    private readonly Dictionary<MemberId, Membership> _memberships = [];

    /// <summary>The community as of the last committed command.</summary>
    public Community Community { get; } = community;

    /// <summary>The events to store, in order.</summary>
    public IReadOnlyList<IDomainEvent> Events => _events;

    /// <summary>Adds events to store.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="events">The events.</param>
    public void Record<T>(IEnumerable<T> events)
        where T : IDomainEvent
    {
        foreach (var e in events)
        {
            _events.Add(e);
        }
    }

    /// <summary>Adds an event to store.</summary>
    /// <param name="e">The event.</param>
    public void Record(IDomainEvent e) => _events.Add(e);

    /// <summary>The member's lifecycle state, including a change made earlier in this command.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The state.</returns>
    public LifecycleState LifecycleOf(MemberId member) =>
        _lifecycles.TryGetValue(member, out var state) ? state : Community.Require(member);

    /// <summary>The member's membership, including a change made earlier in this command; null when none was ever bought.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The membership, or null.</returns>
    public Membership? MembershipOf(MemberId member) =>
        _memberships.TryGetValue(member, out var m) ? m : Community.Memberships.GetValueOrDefault(member);

    /// <summary>Records a lifecycle transition: its event now, its state when the command commits.</summary>
    /// <param name="transition">The transition.</param>
    public void Apply(Transition<LifecycleState, MemberTransitioned> transition)
    {
        _events.Add(transition.Event);
        _lifecycles[transition.State.Member] = transition.State;
    }

    /// <summary>Records a membership change: its events now, the membership when the command commits.</summary>
    /// <param name="change">The change.</param>
    public void Apply(MembershipChange change)
    {
        Record(change.Events);
        _memberships[change.Membership.MemberId] = change.Membership;
    }

    /// <summary>Publishes the command's results once its events are stored.</summary>
    public void Commit()
    {
        foreach (var (member, state) in _lifecycles)
        {
            Community.Lifecycles[member] = state;
        }

        foreach (var (member, membership) in _memberships)
        {
            Community.Memberships[member] = membership;
        }

        foreach (var e in _events)
        {
            Community.Track(e);
        }
    }
}
