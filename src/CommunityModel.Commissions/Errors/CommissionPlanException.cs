using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions;

/// <summary>
/// A commission plan (<c>CommissionPlan</c>), its rank ladder, a staff schedule or a role split is invalid. The error code is the
/// code of the first problem (e.g. <see cref="CommissionErrorCodes.RanksUnordered"/>); <see cref="Problems"/>
/// lists every problem, each with its own code, and so do <see cref="CommunityModelException.Refusals"/>.
/// </summary>
public sealed class CommissionPlanException : CommissionException
{
    /// <summary>Creates the error.</summary>
    /// <param name="planName">The plan's name.</param>
    /// <param name="problems">Every problem found, at least one.</param>
    public CommissionPlanException(string planName, ImmutableArray<CommissionPlanProblem> problems)
        : base(RefusalsOf(planName, problems), $"Plan '{planName}' is invalid: {string.Join(" ", problems.IsDefault ? [] : problems)}")
    {
        Problems = problems.IsDefault ? [] : problems;
    }

    /// <summary>Creates the error from problems that all have the code <see cref="CommissionErrorCodes.InvalidPlan"/>.</summary>
    /// <param name="planName">The plan's name.</param>
    /// <param name="problems">Every problem found, at least one, each naming its setting.</param>
    public CommissionPlanException(string planName, ImmutableArray<string> problems)
        : this(planName, problems.IsDefault ? [] : [.. problems.Select(p => new CommissionPlanProblem(CommissionErrorCodes.InvalidPlan, p))])
    {
    }

    /// <summary>Every problem found, each with its code.</summary>
    public ImmutableArray<CommissionPlanProblem> Problems { get; }

    // One refusal per problem, so the error maps like every other; a plan with no problem listed is still invalid.
    private static ImmutableArray<Refusal> RefusalsOf(string planName, ImmutableArray<CommissionPlanProblem> problems) =>
        problems.IsDefaultOrEmpty
            ? [new Refusal(CommissionErrorCodes.InvalidPlan, $"Plan '{planName}' is invalid.")]
            : [.. problems.Select(p => new Refusal(p.Code, p.Message))];
}
