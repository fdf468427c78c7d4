using System.Collections.Immutable;

namespace CommunityModel;

/// <summary>What a member's stream decided: the events it records, and what it asks of other streams.</summary>
/// <param name="Events">The events of the member's stream, in order; empty for a repeat.</param>
/// <param name="FollowUps">What other streams must decide next, in order: commissions, the sponsor's stream, the member-number issuer.</param>
/// <param name="IsRepeat">Whether the command repeated an order or a refund the stream already took (same id, same request).</param>
public sealed record MemberDecision(ImmutableArray<IDomainEvent> Events, ImmutableArray<FollowUp> FollowUps, bool IsRepeat = false)
{
    /// <summary>A repeat: nothing to record, nothing to send.</summary>
    public static MemberDecision Repeat { get; } = new([], [], IsRepeat: true);
}
