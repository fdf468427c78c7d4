using System.Collections.Immutable;

namespace CommunityModel.Referrals;

/// <summary>
/// A referral operation was refused: an unknown member, a self-binding, a cycle, a binding the mode
/// does not allow, or a malformed network. The network is left exactly as it was.
/// </summary>
public sealed class ReferralException : CommunityModelException
{
    /// <summary>Creates the error for one refused condition.</summary>
    /// <param name="errorCode">A referral code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="member">The member the operation was about.</param>
    public ReferralException(string errorCode, string message, MemberId member)
        : this(member, [new BindingRefusal(errorCode, message)])
    {
    }

    /// <summary>Creates the error for every refused condition; its code is the first one's.</summary>
    /// <param name="member">The member the operation was about.</param>
    /// <param name="refusals">The unmet conditions, at least one.</param>
    public ReferralException(MemberId member, ImmutableArray<BindingRefusal> refusals)
        : base(First(refusals).Code, string.Join(" ", refusals.Select(r => r.Reason)))
    {
        Member = member;
        Refusals = refusals;
    }

    /// <summary>The member the operation was about.</summary>
    public MemberId Member { get; }

    /// <summary>Every unmet condition.</summary>
    public ImmutableArray<BindingRefusal> Refusals { get; }

    private static BindingRefusal First(ImmutableArray<BindingRefusal> refusals) =>
        refusals.IsDefaultOrEmpty ? throw new ArgumentException("At least one refusal is required.", nameof(refusals)) : refusals[0];
}
