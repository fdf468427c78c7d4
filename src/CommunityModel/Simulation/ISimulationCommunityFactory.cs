namespace CommunityModel.Simulation;

/// <summary>
/// Makes the community a growth simulation drives. The core's <see cref="SeedCommunityFactory"/> makes the seed business
/// without commissions; the commissions package plugs its <see cref="ICommunityCommissions"/> in with its own factory.
/// </summary>
public interface ISimulationCommunityFactory
{
    /// <summary>What the communities made are, for the assumptions printed beside a projection.</summary>
    string Description { get; }

    /// <summary>Makes an empty community on the simulation's clock. Called once per run.</summary>
    /// <param name="timeProvider">The simulation's clock; the community and all its parts must read time from it.</param>
    /// <returns>A new, empty community.</returns>
    Community Create(TimeProvider timeProvider);
}
