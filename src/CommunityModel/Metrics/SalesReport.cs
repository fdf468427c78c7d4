using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>Sales of a period by channel, with the parts of the traditional formula, and the repeat-purchase rate.</summary>
/// <param name="Period">The period.</param>
/// <param name="Total">All channels together.</param>
/// <param name="Channels">Each channel with traffic or purchases, in ordinal order of its name.</param>
/// <param name="RepeatPurchaseRate">Buyers who paid at least twice in the period ÷ buyers (复购率); null without buyers.</param>
/// <param name="ProductRefunds">What the product refunds made in the period gave back (<see cref="ProductRefunded"/>, all on <see cref="ProductChannel"/>); the channels' sales are gross.</param>
public sealed record SalesReport(MetricsPeriod Period, ChannelSales Total, ImmutableArray<ChannelSales> Channels, Rate? RepeatPurchaseRate, Money ProductRefunds)
{
    /// <summary>The channel name of <see cref="Total"/>: <c>*</c>.</summary>
    public const string AllChannels = "*";

    /// <summary>
    /// The channel of the payments the membership desk records (<see cref="Memberships.MembershipPurchased"/>,
    /// <see cref="Memberships.MembershipRenewed"/>, <see cref="Memberships.MembershipUpgraded"/>): <c>membership</c>.
    /// Record traffic to it with <see cref="TrafficRecorded"/> on the same channel.
    /// </summary>
    public const string MembershipChannel = "membership";

    /// <summary>
    /// The channel of the community's product orders (<see cref="ProductPurchased"/>, a lead product included): <c>product</c>.
    /// One channel for every rung of the ladder, so a refund, which names only its order, lands on the channel of its sale.
    /// </summary>
    public const string ProductChannel = "product";

    /// <summary>Net sales: the total's sales less <see cref="ProductRefunds"/>.</summary>
    public Money NetSales => Total.Sales - ProductRefunds;
}
