namespace CommunityModel.Crm.Api;

/// <summary><c>POST /members</c>: a new member under the CRM's own id, optionally with the sponsor who referred them.</summary>
/// <param name="MemberId">The CRM's member id (a positive integer).</param>
/// <param name="SponsorId">The referring member, if any; bound at registration.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record RegisterMemberRequest(long? MemberId, long? SponsorId);
