using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Crm.Api;

/// <summary>A withdrawal request and where it stands.</summary>
/// <param name="WithdrawalId">The withdrawal id.</param>
/// <param name="MemberId">Who withdraws.</param>
/// <param name="Amount">The amount taken from the available balance.</param>
/// <param name="Fee">The withdrawal fee.</param>
/// <param name="NetPayout">What the member receives.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="Status">Requested (pending), paid or rejected.</param>
/// <param name="SettledAt">When it was paid or rejected; null while pending.</param>
/// <param name="RejectionReason">Why it was rejected, for a rejected one.</param>
/// <param name="Replayed">True when the withdrawal id was already recorded: nothing changed.</param>
public sealed record WithdrawalView(
    string WithdrawalId,
    MemberId MemberId,
    Money Amount,
    Money Fee,
    Money NetPayout,
    DateTimeOffset RequestedAt,
    WithdrawalStatus Status,
    DateTimeOffset? SettledAt,
    string? RejectionReason,
    bool Replayed)
{
    /// <summary>The view of a request just made (or repeated): requested, not yet paid.</summary>
    /// <param name="w">The request.</param>
    /// <param name="replayed">Whether it was already recorded.</param>
    /// <returns>The view.</returns>
    public static WithdrawalView Of(WithdrawalRequested w, bool replayed) => new(w.WithdrawalId, w.Member, w.Amount, w.Fee, w.NetPayout, w.OccurredAt, WithdrawalStatus.Requested, null, null, replayed);
}
