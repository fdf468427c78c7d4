namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>A member enrolled in a bootcamp by buying its course; the community's order carries the play's id.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Member">The member.</param>
/// <param name="OrderId">The community order.</param>
/// <param name="Price">What the member paid.</param>
/// <param name="OccurredAt">When.</param>
public sealed record BootcampEnrolled(string PlayId, MemberId Member, string OrderId, Money Price, DateTimeOffset OccurredAt) : IPlayEvent;
