namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>A participant took a place in a group and paid the group price, held until the group completes or is refunded.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Member">The participant.</param>
/// <param name="OrderId">The community order the place becomes when the group completes.</param>
/// <param name="Paid">What the participant paid: the group price.</param>
/// <param name="OccurredAt">When.</param>
public sealed record GroupBuyJoined(string PlayId, string GroupId, MemberId Member, string OrderId, Money Paid, DateTimeOffset OccurredAt) : IPlayEvent;
