namespace CommunityModel.Crm.Api;

/// <summary><c>POST /members/{id}/entitlements/{productId}/uses</c>: one use of an entitlement, e.g. attending the offline course.</summary>
/// <param name="Key">The CRM's key of the use (an attendance record id); the same key again is the same use.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record UseEntitlementRequest(string? Key);
