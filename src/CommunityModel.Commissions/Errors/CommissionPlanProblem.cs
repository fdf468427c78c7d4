namespace CommunityModel.Commissions;

/// <summary>One rule a combined plan or a rank ladder breaks, with the stable code of its kind.</summary>
/// <param name="Code">A code from <see cref="CommissionErrorCodes"/>, e.g. <see cref="CommissionErrorCodes.RanksUnordered"/>.</param>
/// <param name="Message">What is wrong, naming the setting.</param>
public readonly record struct CommissionPlanProblem(string Code, string Message)
{
    /// <summary>Formats as the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
