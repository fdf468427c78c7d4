namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>A flash group was dissolved: at the end of its lifetime, or by hand before.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="ByHand">Whether it was dissolved by hand before its lifetime ended.</param>
/// <param name="Reason">Why.</param>
/// <param name="Members">How many members it had.</param>
/// <param name="OccurredAt">When.</param>
public sealed record FlashGroupDissolved(string PlayId, bool ByHand, string Reason, int Members, DateTimeOffset OccurredAt) : IPlayEvent;
