using System.Collections.Immutable;

namespace CommunityModel.Referrals;

/// <summary>
/// A referral operation was refused: an unknown member, a self-binding, a cycle, a binding the mode
/// does not allow, or a malformed network. The network is left exactly as it was.
/// <see cref="CommunityModelException.Refusals"/> names every unmet condition.
/// </summary>
public sealed class ReferralException : CommunityModelException
{
    /// <summary>Creates the error for one refused condition.</summary>
    /// <param name="errorCode">A referral code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="member">The member the operation was about.</param>
    /// <param name="field">The argument that was wrong (e.g. <c>member</c>, <c>sponsor</c>), when one was.</param>
    public ReferralException(string errorCode, string message, MemberId member, string? field = null)
        : this(member, [new Refusal(errorCode, message, field)])
    {
    }

    /// <summary>Creates the error for every refused condition; its code is the first one's.</summary>
    /// <param name="member">The member the operation was about.</param>
    /// <param name="refusals">The unmet conditions, at least one.</param>
    public ReferralException(MemberId member, ImmutableArray<Refusal> refusals)
        : base(refusals)
    {
        Member = member;
    }

    /// <summary>The member the operation was about.</summary>
    public MemberId Member { get; }
}
