namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>An enrolled member attended a session of a bootcamp.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Member">The member.</param>
/// <param name="OccurredAt">When.</param>
public sealed record BootcampAttended(string PlayId, string SessionId, MemberId Member, DateTimeOffset OccurredAt) : IPlayEvent;
