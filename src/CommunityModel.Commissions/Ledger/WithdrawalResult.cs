using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// The outcome of <see cref="CommissionLedger.TryRequestWithdrawal"/>: the request when accepted (new, or the
/// original one when the same id was asked again with the same member and amount), or every unmet condition.
/// Store <see cref="Event"/> when it is not <see langword="null"/>: a replayed request has no new event, so
/// storing whatever the call returns can never store one request twice.
/// </summary>
public sealed class WithdrawalResult
{
    private WithdrawalResult(WithdrawalRequested? request, bool isReplay, ImmutableArray<WithdrawalRefusal> refusals)
    {
        Request = request;
        IsReplay = isReplay;
        Refusals = refusals;
    }

    /// <summary>Whether the withdrawal is accepted (now, or earlier under the same id).</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(ErrorCode))]
    public bool Succeeded => Request is not null;

    /// <summary>The accepted request: the new one, or the original when <see cref="IsReplay"/>; <see langword="null"/> when refused.</summary>
    public WithdrawalRequested? Request { get; }

    /// <summary>Whether the id was already used for the same member and amount: the original request is returned and nothing changed.</summary>
    public bool IsReplay { get; }

    /// <summary>The event to store: the new request; <see langword="null"/> when refused or a replay.</summary>
    public WithdrawalRequested? Event => IsReplay ? null : Request;

    /// <summary>The code of the first unmet condition; <see langword="null"/> when accepted.</summary>
    public string? ErrorCode => Refusals.IsEmpty ? null : Refusals[0].Code;

    /// <summary>Every unmet condition; empty when accepted.</summary>
    public ImmutableArray<WithdrawalRefusal> Refusals { get; }

    internal static WithdrawalResult Accepted(WithdrawalRequested requested) => new(requested, isReplay: false, []);

    internal static WithdrawalResult Replayed(WithdrawalRequested original) => new(original, isReplay: true, []);

    internal static WithdrawalResult Refused(ImmutableArray<WithdrawalRefusal> refusals) => new(null, isReplay: false, refusals);
}
