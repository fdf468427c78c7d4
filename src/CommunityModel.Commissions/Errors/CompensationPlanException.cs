using System.Collections.Immutable;

namespace CommunityModel.Commissions;

/// <summary>
/// A combined plan (<c>CompensationPlan</c>) or a rank ladder is invalid. The error code is the
/// code of the first problem (e.g. <see cref="CommissionErrorCodes.RanksUnordered"/>); <see cref="Problems"/>
/// lists every problem, each with its own code.
/// </summary>
public sealed class CompensationPlanException : CommissionException
{
    /// <summary>Creates the error.</summary>
    /// <param name="planName">The plan's name.</param>
    /// <param name="problems">Every problem found, at least one.</param>
    public CompensationPlanException(string planName, ImmutableArray<CompensationPlanProblem> problems)
        : base(problems.IsDefaultOrEmpty ? CommissionErrorCodes.InvalidPlan : problems[0].Code, $"Plan '{planName}' is invalid: {string.Join(" ", problems)}")
    {
        Problems = problems.IsDefault ? [] : problems;
    }

    /// <summary>Every problem found, each with its code.</summary>
    public ImmutableArray<CompensationPlanProblem> Problems { get; }
}
