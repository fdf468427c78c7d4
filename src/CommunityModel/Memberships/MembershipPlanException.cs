using System.Collections.Immutable;

namespace CommunityModel.Memberships;

/// <summary>A membership plan definition is unusable; <see cref="Problems"/> names every problem found.</summary>
public sealed class MembershipPlanException : CommunityModelException
{
    /// <summary>Creates the error from the problems found.</summary>
    /// <param name="problems">Every problem, each a sentence naming the offending tier or value.</param>
    public MembershipPlanException(IEnumerable<string> problems)
        : this(problems.ToImmutableArray())
    {
    }

    private MembershipPlanException(ImmutableArray<string> problems)
        : base(ErrorCodes.InvalidMembershipPlan, "The membership plan is invalid: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public ImmutableArray<string> Problems { get; }
}
