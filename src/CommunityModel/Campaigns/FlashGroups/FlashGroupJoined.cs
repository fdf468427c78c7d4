namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>A member joined a flash group while it was open.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Member">The member.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FlashGroupJoined(string PlayId, MemberId Member, DateTimeOffset OccurredAt) : IPlayEvent;
