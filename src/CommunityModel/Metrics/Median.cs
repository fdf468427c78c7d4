namespace CommunityModel.Metrics;

/// <summary>The median of durations: the middle value, or the mean of the two middle values of an even count.</summary>
internal static class Median
{
    internal static TimeSpan? Of(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return null;
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ticks);
        span.Sort();
        var middle = span.Length / 2;
        return span.Length % 2 == 1
            ? TimeSpan.FromTicks(span[middle])
            : TimeSpan.FromTicks(span[middle - 1] + ((span[middle] - span[middle - 1]) / 2));
    }
}
