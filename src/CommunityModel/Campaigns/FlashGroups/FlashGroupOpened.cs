namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>A flash group (快闪群) opened with a lifetime.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Title">The group's name.</param>
/// <param name="ClosesAt">When its lifetime ends.</param>
/// <param name="OccurredAt">When it opened.</param>
public sealed record FlashGroupOpened(string PlayId, string Title, DateTimeOffset ClosesAt, DateTimeOffset OccurredAt) : IPlayEvent;
