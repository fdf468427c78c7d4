namespace CommunityModel.Crm.Api;

/// <summary><c>GET /members/{id}/history</c>: the member's moves on the value chain, orders and withdrawals, oldest first.</summary>
/// <param name="Id">The member id.</param>
/// <param name="Stages">Every move on the value chain, the registration first.</param>
/// <param name="Orders">Every order, with what was refunded of it.</param>
/// <param name="Withdrawals">Every withdrawal request and how it stands.</param>
public sealed record MemberHistoryView(MemberId Id, StageChangeView[] Stages, OrderSummaryView[] Orders, WithdrawalView[] Withdrawals);
