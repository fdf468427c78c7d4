namespace CommunityModel.Memberships;

/// <summary>
/// Rebuilds many memberships from their stored events one after another, reusing one working copy,
/// so a batch (a CRM rebuilding its projections, a month-end report) allocates little more than the
/// memberships it returns. Gives the same memberships as <see cref="Membership.Replay(ReadOnlySpan{IMembershipEvent})"/>.
/// Not thread-safe: use one replayer per thread.
/// </summary>
public sealed class MembershipReplayer
{
    private readonly MembershipState _state = new(default);

    /// <summary>Rebuilds one membership from its events, the first being <see cref="MembershipPurchased"/>.</summary>
    /// <param name="events">One member's events in the order they happened.</param>
    /// <returns>The membership.</returns>
    /// <exception cref="ReplayException">The events are empty, mix members, or do not follow one another (code <see cref="ErrorCodes.EventOutOfOrder"/>, with the event's position).</exception>
    public Membership Replay(ReadOnlySpan<IMembershipEvent> events)
    {
        if (events.IsEmpty)
        {
            return Membership.Replay(events); // refuses an empty history with the usual error
        }

        _state.Reset(events[0].MemberId);
        return Membership.Replay(events, _state);
    }
}
