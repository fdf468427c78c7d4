namespace CommunityModel.Crm.Api;

/// <summary><c>POST /members/{id}/orders/{orderId}/refunds</c>. Posting the same refund id again changes nothing.</summary>
/// <param name="RefundId">The CRM's refund id.</param>
/// <param name="Amount">For a product order, how much (all that is left when left out); a membership refund is computed by the plan.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record RecordRefundRequest(string? RefundId, Money? Amount);
