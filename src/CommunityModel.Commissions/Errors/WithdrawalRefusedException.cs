using System.Collections.Immutable;
using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Commissions;

/// <summary>
/// A withdrawal was refused; nothing changed. <see cref="CommunityModelException.ErrorCode"/> is the first
/// refusal's code and <see cref="Refusals"/> names every unmet condition, each with its own code.
/// </summary>
public sealed class WithdrawalRefusedException : CommissionException
{
    /// <summary>Creates the error from the refusals.</summary>
    /// <param name="withdrawalId">The withdrawal id asked for.</param>
    /// <param name="member">Who asked.</param>
    /// <param name="refusals">Every unmet condition; at least one.</param>
    public WithdrawalRefusedException(string withdrawalId, MemberId member, ImmutableArray<WithdrawalRefusal> refusals)
        : base(First(refusals).Code, string.Join(" ", refusals.Select(r => r.Reason)))
    {
        WithdrawalId = withdrawalId;
        Member = member;
        Refusals = refusals;
    }

    /// <summary>The withdrawal id asked for.</summary>
    public string WithdrawalId { get; }

    /// <summary>Who asked.</summary>
    public MemberId Member { get; }

    /// <summary>Every unmet condition.</summary>
    public ImmutableArray<WithdrawalRefusal> Refusals { get; }

    private static WithdrawalRefusal First(ImmutableArray<WithdrawalRefusal> refusals) =>
        refusals.IsDefaultOrEmpty ? throw new ArgumentException("At least one refusal is needed.", nameof(refusals)) : refusals[0];
}
