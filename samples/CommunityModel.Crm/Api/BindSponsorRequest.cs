namespace CommunityModel.Crm.Api;

/// <summary><c>PUT /members/{id}/sponsor</c>: binds a referral after registration (the binding mode decides whether it may).</summary>
/// <param name="SponsorId">The referring member.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record BindSponsorRequest(long? SponsorId);
