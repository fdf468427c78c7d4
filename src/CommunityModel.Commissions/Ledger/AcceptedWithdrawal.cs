namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// A withdrawal the ledger accepted, as <see cref="CommissionLedger.TryRequestWithdrawal"/> returns it: the request, and
/// whether it was accepted earlier under the same id (the same member and amount asked again). Store <see cref="Event"/>
/// when it is not <see langword="null"/>: a repeated request has no new event, so storing whatever the call returns can
/// never store one request twice.
/// </summary>
/// <param name="Request">The accepted request: the new one, or the original when <paramref name="IsRepeat"/>.</param>
/// <param name="IsRepeat">Whether the id was already used for the same member and amount: the original request is returned and nothing changed.</param>
public sealed record AcceptedWithdrawal(WithdrawalRequested Request, bool IsRepeat)
{
    /// <summary>The event to store: the new request; <see langword="null"/> for a repeat.</summary>
    public WithdrawalRequested? Event => IsRepeat ? null : Request;
}
