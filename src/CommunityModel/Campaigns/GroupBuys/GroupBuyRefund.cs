namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>What one participant of a timed-out group got back.</summary>
/// <param name="Member">The participant.</param>
/// <param name="OrderId">The order the place would have become.</param>
/// <param name="Amount">All the participant paid.</param>
public sealed record GroupBuyRefund(MemberId Member, string OrderId, Money Amount);
