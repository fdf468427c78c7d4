using System.Collections.Immutable;

namespace CommunityModel.Memberships;

/// <summary>
/// An operation on a membership was refused; nothing changed. <see cref="CommunityModelException.ErrorCode"/>
/// is the first refusal's code and <see cref="CommunityModelException.Refusals"/> names every unmet condition.
/// </summary>
public sealed class MembershipRefusedException : CommunityModelException
{
    /// <summary>Creates the error from the refusals.</summary>
    /// <param name="refusals">Every unmet condition; at least one.</param>
    public MembershipRefusedException(ImmutableArray<Refusal> refusals)
        : base(refusals)
    {
    }
}
