namespace CommunityModel.Metrics;

/// <summary>
/// The invitations of one computation, by id: who sent each, whether it was sent in the period and whether it was
/// accepted. Kept whatever metrics were asked for, so an unusable invitation is refused the same way every time.
/// </summary>
internal sealed class InvitationBook(MetricsPeriod period)
{
    private readonly Dictionary<string, (int Inviter, bool InPeriod, bool Accepted)> _invitations = new(StringComparer.Ordinal);
    private readonly int _startDay = period.Start.DayNumber;
    private readonly int _endDay = period.End.DayNumber;

    /// <summary>Invitations sent in the period.</summary>
    internal long Sent { get; private set; }

    /// <summary>Of those, invitations accepted (in the period or after it).</summary>
    internal long Accepted { get; private set; }

    /// <summary>Records an invitation; false when its id was sent before (nothing changes).</summary>
    internal bool TrySend(string invitationId, int inviter, int day)
    {
        var inPeriod = day >= _startDay && day < _endDay;
        if (!_invitations.TryAdd(invitationId, (inviter, inPeriod, false)))
        {
            return false;
        }

        Sent += inPeriod ? 1 : 0;
        return true;
    }

    /// <summary>Whether an invitation was sent, and by whom; null when it never was.</summary>
    internal (int Inviter, bool Accepted)? Find(string invitationId) =>
        _invitations.TryGetValue(invitationId, out var invitation) ? (invitation.Inviter, invitation.Accepted) : null;

    /// <summary>Marks a sent, not yet accepted invitation accepted.</summary>
    internal void Accept(string invitationId)
    {
        var invitation = _invitations[invitationId];
        _invitations[invitationId] = invitation with { Accepted = true };
        Accepted += invitation.InPeriod ? 1 : 0;
    }
}
