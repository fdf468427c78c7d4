namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// The growth simulator was given something it cannot run: invalid options (<c>simulation.invalid_options</c>, the
/// message lists every problem) or a payout model that pays outside zero and the price, or in another currency
/// (<c>simulation.invalid_payout</c>).
/// </summary>
public sealed class SimulationException : CommunityModelException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errorCode">One of the <c>simulation.*</c> codes of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What was wrong.</param>
    public SimulationException(string errorCode, string message)
        : base(errorCode, message)
    {
    }
}
