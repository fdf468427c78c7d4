using System.Collections.Immutable;

namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>A marketing class as it stands.</summary>
/// <param name="Setup">How it was scheduled.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="WentLiveAt">When it went live, once it did.</param>
/// <param name="Ended">Its end and follow-up window, once it ended.</param>
/// <param name="Sales">The sales attributed to it, in order.</param>
public sealed record MarketingClassState(MarketingClassScheduled Setup, MarketingClassStage Stage, DateTimeOffset? WentLiveAt, MarketingClassEnded? Ended, ImmutableArray<MarketingClassSold> Sales)
{
    /// <summary>The revenue attributed to the class.</summary>
    public Money Revenue => Sales.Aggregate(Money.Zero(Setup.Price.Currency), (sum, s) => sum + s.Price);

    /// <summary>The sales made in the follow-up window, after the class ended (当晚跟进成交).</summary>
    public int FollowUpSales => Ended is { } ended ? Sales.Count(s => s.OccurredAt >= ended.OccurredAt) : 0;
}
