using System.Collections.Immutable;

namespace CommunityModel.Commissions;

/// <summary>A commission plan is invalid; <see cref="Problems"/> lists every rule it breaks.</summary>
public sealed class CommissionPlanException : CommissionException
{
    /// <summary>Creates the error.</summary>
    /// <param name="planName">The plan's name.</param>
    /// <param name="problems">Every problem found, at least one.</param>
    public CommissionPlanException(string planName, ImmutableArray<string> problems)
        : base(CommissionErrorCodes.InvalidPlan, $"Commission plan '{planName}' is invalid: {string.Join(" ", problems)}")
    {
        Problems = problems;
    }

    /// <summary>Every problem found in the plan.</summary>
    public ImmutableArray<string> Problems { get; }
}
