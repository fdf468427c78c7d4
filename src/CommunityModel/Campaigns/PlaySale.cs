using System.Collections.Immutable;

namespace CommunityModel.Campaigns;

/// <summary>
/// What a request of a play did: the play's own events and the community's (the orders placed, the commissions entered),
/// both to store. Either both happened or neither did.
/// </summary>
/// <param name="Events">The play's events, in order.</param>
/// <param name="CommunityEvents">The community's events, in order; empty when the request placed no order.</param>
/// <param name="IsRepeat">Whether the request repeated one already taken (same order id, same member): nothing changed.</param>
public sealed record PlaySale(ImmutableArray<IPlayEvent> Events, ImmutableArray<IDomainEvent> CommunityEvents, bool IsRepeat = false)
{
    /// <summary>A repeat: nothing to store.</summary>
    public static PlaySale Repeat { get; } = new([], [], IsRepeat: true);
}
