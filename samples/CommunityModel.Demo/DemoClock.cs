namespace CommunityModel.Demo;

/// <summary>The demo's clock: moved forward by the run, never read from the machine, so every run of a seed is the same.</summary>
/// <param name="start">The first instant.</param>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock to <paramref name="instant"/>; time never goes back.</summary>
    /// <param name="instant">The new now.</param>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant < _now)
        {
            throw new InvalidOperationException($"The demo clock cannot go back from {_now:O} to {instant:O}.");
        }

        _now = instant.ToUniversalTime();
    }
}
