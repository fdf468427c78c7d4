namespace CommunityModel.Simulation;

/// <summary>The clock of one simulation run: it stands still until the simulator moves it, and only forwards.</summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void MoveTo(DateTimeOffset time)
    {
        if (time < _now)
        {
            throw new InvalidOperationException($"The simulation clock only moves forwards: {time:O} is before {_now:O}.");
        }

        _now = time;
    }
}
