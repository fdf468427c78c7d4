namespace CommunityModel.Crm.Api;

/// <summary><c>GET /events?after=N&amp;limit=M</c>: the events stored after position N, oldest first.</summary>
/// <param name="Events">At most M events.</param>
/// <param name="Next">The position to ask after next time: the last event's, or N when none followed it.</param>
public sealed record FeedPage(FeedEvent[] Events, long Next);
