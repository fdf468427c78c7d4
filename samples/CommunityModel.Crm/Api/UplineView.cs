namespace CommunityModel.Crm.Api;

/// <summary><c>GET /members/{id}/upline</c>: the member's sponsor line, nearest sponsor first (empty for a member nobody referred).</summary>
/// <param name="Id">The member id.</param>
/// <param name="Sponsors">The sponsors, level 1 first.</param>
public sealed record UplineView(MemberId Id, SponsorView[] Sponsors);
