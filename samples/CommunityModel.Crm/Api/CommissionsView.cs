using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Crm.Api;

/// <summary><c>GET /members/{id}/commissions</c>: the balance and every ledger line of the member.</summary>
/// <param name="Balance">Pending, available, withdrawing, paid out, fees.</param>
/// <param name="Lines">Each commission entry with its status.</param>
public sealed record CommissionsView(CommissionBalance Balance, LedgerEntry[] Lines);
