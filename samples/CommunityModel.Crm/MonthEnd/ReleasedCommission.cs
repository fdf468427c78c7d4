namespace CommunityModel.Crm.MonthEnd;

/// <summary>Commission of one member that became available in a month-end period.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Amount">What the freeze released (net of refunds).</param>
/// <param name="Available">The member's available balance after the run.</param>
public sealed record ReleasedCommission(MemberId MemberId, Money Amount, Money Available);
