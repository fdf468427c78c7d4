using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>Sales of a period by channel, with the parts of the traditional formula, and the repeat-purchase rate.</summary>
/// <param name="Period">The period.</param>
/// <param name="Total">All channels together.</param>
/// <param name="Channels">Each channel with traffic or purchases, in ordinal order of its name.</param>
/// <param name="RepeatPurchaseRate">Buyers who paid at least twice in the period ÷ buyers (复购率); null without buyers.</param>
public sealed record SalesReport(MetricsPeriod Period, ChannelSales Total, ImmutableArray<ChannelSales> Channels, Rate? RepeatPurchaseRate)
{
    /// <summary>The channel name of <see cref="Total"/>: <c>*</c>.</summary>
    public const string AllChannels = "*";

    /// <summary>
    /// The channel of the payments the membership desk records (<see cref="Memberships.MembershipPurchased"/>,
    /// <see cref="Memberships.MembershipRenewed"/>, <see cref="Memberships.MembershipUpgraded"/>): <c>membership</c>.
    /// Record traffic to it with <see cref="TrafficRecorded"/> on the same channel.
    /// </summary>
    public const string MembershipChannel = "membership";
}
