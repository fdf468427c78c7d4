namespace CommunityModel.Crm.Api;

/// <summary><c>POST /members/{id}/withdrawals</c>: moves available commission to a payout, paid at the next month-end.</summary>
/// <param name="WithdrawalId">The CRM's withdrawal id; the same id again changes nothing.</param>
/// <param name="Amount">How much, at most the available balance.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record WithdrawalRequest(string? WithdrawalId, Money? Amount);
