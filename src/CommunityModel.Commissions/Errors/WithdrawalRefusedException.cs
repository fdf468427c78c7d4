using System.Collections.Immutable;

namespace CommunityModel.Commissions;

/// <summary>
/// A withdrawal was refused; nothing changed. <see cref="CommunityModelException.ErrorCode"/> is the first
/// refusal's code and <see cref="CommunityModelException.Refusals"/> names every unmet condition, each with its own code.
/// </summary>
public sealed class WithdrawalRefusedException : CommissionException
{
    /// <summary>Creates the error from the refusals.</summary>
    /// <param name="withdrawalId">The withdrawal id asked for.</param>
    /// <param name="member">Who asked.</param>
    /// <param name="refusals">Every unmet condition; at least one.</param>
    public WithdrawalRefusedException(string withdrawalId, MemberId member, ImmutableArray<Refusal> refusals)
        : base(refusals)
    {
        WithdrawalId = withdrawalId;
        Member = member;
    }

    /// <summary>The withdrawal id asked for.</summary>
    public string WithdrawalId { get; }

    /// <summary>Who asked.</summary>
    public MemberId Member { get; }
}
