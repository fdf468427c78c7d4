using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Crm.Api;

/// <summary><c>GET /members/{id}/commissions</c>: the balance and one page of the member's ledger lines, in the order they were accrued.</summary>
/// <param name="Balance">Pending, available, withdrawing, paid out, fees.</param>
/// <param name="Lines">Commission entries with their status: one page.</param>
/// <param name="Next">The cursor of the next page of lines; null on the last.</param>
public sealed record CommissionsView(CommissionBalance Balance, LedgerEntry[] Lines, string? Next);
