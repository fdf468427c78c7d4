namespace CommunityModel.Simulation;

/// <summary>
/// The growth simulator was given something it cannot run (<c>simulation.invalid_options</c>): invalid options, or
/// options naming an item the simulated community does not sell. The message names every problem by its setting.
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
