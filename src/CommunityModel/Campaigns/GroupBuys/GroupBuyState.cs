using System.Collections.Immutable;

namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>A group buy as it stands: its setup and its groups.</summary>
/// <param name="Setup">How it was scheduled.</param>
/// <param name="Groups">Its groups, in the order opened.</param>
public sealed record GroupBuyState(GroupBuyScheduled Setup, ImmutableArray<GroupBuyGroup> Groups)
{
    /// <summary>The groups that completed, simulated ones included.</summary>
    public int Completed => Groups.Count(g => g.Stage == GroupBuyStage.Completed);

    /// <summary>The groups whose completion was simulated (模拟成团), reported apart.</summary>
    public int Simulated => Groups.Count(g => g.Completion is { Simulated: true });

    /// <summary>The groups refunded.</summary>
    public int Refunded => Groups.Count(g => g.Stage == GroupBuyStage.Refunded);
}
