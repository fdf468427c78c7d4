namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>A leader (团长) opened a group of a group buy; the leader's own place follows as a <see cref="GroupBuyJoined"/>.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="GroupId">The group's id within the play.</param>
/// <param name="Leader">The leader.</param>
/// <param name="NewCustomersOnly">Whether only members who are not customers yet may join (老带新团).</param>
/// <param name="ExpiresAt">When its time limit passes.</param>
/// <param name="OccurredAt">When it opened.</param>
public sealed record GroupBuyGroupOpened(string PlayId, string GroupId, MemberId Leader, bool NewCustomersOnly, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt) : IPlayEvent;
