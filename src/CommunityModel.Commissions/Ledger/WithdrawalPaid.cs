namespace CommunityModel.Commissions.Ledger;

/// <summary>A requested withdrawal was paid out to the member.</summary>
/// <param name="WithdrawalId">The withdrawal.</param>
/// <param name="Member">Who was paid.</param>
/// <param name="OccurredAt">When it was paid.</param>
public sealed record WithdrawalPaid(string WithdrawalId, MemberId Member, DateTimeOffset OccurredAt) : IDomainEvent;
