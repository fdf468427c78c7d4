namespace CommunityModel.Metrics;

/// <summary>
/// A group invited to an activity, e.g. a lead group (引流群), and how many members it has. A lead group is a pond (鱼塘,
/// seed 003): it gathers people around a <see cref="Theme"/> with a <see cref="Bait"/> (the lead product) to draw them in,
/// and <see cref="PondMetrics"/> reads the funnel and participation of each pond.
/// </summary>
/// <param name="GroupId">The group.</param>
/// <param name="Members">Its member count; one or more.</param>
public sealed record LeadGroup(string GroupId, long Members)
{
    /// <summary>What the pond gathers people around (e.g. 小升初真题, JAVA 入门), when given.</summary>
    public string? Theme { get; init; }

    /// <summary>The lead product used as bait (鱼饵, e.g. a ¥9.90 trial class), by catalog product id, when given.</summary>
    public string? Bait { get; init; }
}
