namespace CommunityModel.Metrics.Simulation;

/// <summary>How the simulator turns a rate applied to a whole number of people into whole people.</summary>
public enum SimulationDraws
{
    /// <summary>
    /// Seeded random draws: every person takes each step independently with the step's rate (exact binomial draws,
    /// sequential for a split into several outcomes), from a <see cref="System.Random"/> made from the seed.
    /// Same seed, same result.
    /// </summary>
    Sampled = 0,

    /// <summary>
    /// No randomness: the expected counts, apportioned exactly to whole people by largest remainder
    /// (<see cref="LargestRemainder"/>), so the outcomes always sum to the people split. The seed is not used.
    /// </summary>
    Expected = 1,
}
