using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Commissions.Ledger;

/// <summary>The outcome of <see cref="CommissionLedger.TryRequestWithdrawal"/>: the event when accepted, or every unmet condition.</summary>
public sealed class WithdrawalResult
{
    private WithdrawalResult(WithdrawalRequested? requested, ImmutableArray<string> refusals, string? code)
    {
        Event = requested;
        Refusals = refusals;
        ErrorCode = code;
    }

    /// <summary>Whether the withdrawal was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(ErrorCode))]
    public bool Succeeded => Event is not null;

    /// <summary>The withdrawal reserved; <see langword="null"/> when refused.</summary>
    public WithdrawalRequested? Event { get; }

    /// <summary>The code of the first unmet condition; <see langword="null"/> when accepted.</summary>
    public string? ErrorCode { get; }

    /// <summary>Every unmet condition, in words; empty when accepted.</summary>
    public ImmutableArray<string> Refusals { get; }

    internal static WithdrawalResult Accepted(WithdrawalRequested requested) => new(requested, [], null);

    internal static WithdrawalResult Refused(string code, ImmutableArray<string> refusals) => new(null, refusals, code);
}
