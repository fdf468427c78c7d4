using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Crm.Api;

/// <summary>A withdrawal of the member and how it stands.</summary>
/// <param name="WithdrawalId">The withdrawal id.</param>
/// <param name="Amount">The amount taken from the available balance.</param>
/// <param name="Fee">The withdrawal fee.</param>
/// <param name="NetPayout">What the member receives.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="Status">Requested, paid or rejected.</param>
/// <param name="SettledAt">When it was paid or rejected; null while requested.</param>
/// <param name="RejectionReason">Why it was rejected, for a rejected one.</param>
public sealed record WithdrawalStatusView(
    string WithdrawalId,
    Money Amount,
    Money Fee,
    Money NetPayout,
    DateTimeOffset RequestedAt,
    WithdrawalStatus Status,
    DateTimeOffset? SettledAt,
    string? RejectionReason)
{
    /// <summary>The view of a request and the event that settled it, if any.</summary>
    /// <param name="request">The request.</param>
    /// <param name="settlement">A <see cref="WithdrawalPaid"/>, a <see cref="WithdrawalRejected"/>, or null while pending.</param>
    /// <returns>The view.</returns>
    public static WithdrawalStatusView Of(WithdrawalRequested request, IDomainEvent? settlement) => settlement switch
    {
        WithdrawalPaid p => new(request.WithdrawalId, request.Amount, request.Fee, request.NetPayout, request.OccurredAt, WithdrawalStatus.Paid, p.OccurredAt, null),
        WithdrawalRejected r => new(request.WithdrawalId, request.Amount, request.Fee, request.NetPayout, request.OccurredAt, WithdrawalStatus.Rejected, r.OccurredAt, r.Reason),
        _ => new(request.WithdrawalId, request.Amount, request.Fee, request.NetPayout, request.OccurredAt, WithdrawalStatus.Requested, null, null),
    };
}
