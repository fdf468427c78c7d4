namespace CommunityModel.Commissions.Ledger;

/// <summary>A requested withdrawal was rejected; its amount returns to the available balance.</summary>
/// <param name="WithdrawalId">The withdrawal.</param>
/// <param name="Member">Who asked.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="OccurredAt">When it was rejected.</param>
public sealed record WithdrawalRejected(string WithdrawalId, MemberId Member, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
