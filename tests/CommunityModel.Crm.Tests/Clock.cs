using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Crm.Tests;

/// <summary>The tests' clock: 1 March 2026, 09:00 in Shanghai (01:00 UTC).</summary>
internal static class Clock
{
    public static FakeTimeProvider Start() => new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
}
