namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>A group buy (拼团) was scheduled: a product at a group price, a group target and time limit, limits and the leader rebate.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="ProductId">The catalog product sold.</param>
/// <param name="GroupPrice">What each participant pays; at most the list price.</param>
/// <param name="Target">The participants a group needs to complete (N).</param>
/// <param name="TimeLimit">How long a group has to complete, from its opening.</param>
/// <param name="PerMemberLimit">The units (places in groups) one member may hold across the play.</param>
/// <param name="TotalLimit">The units the play offers across its groups; places of refunded groups are given back.</param>
/// <param name="LeaderRebate">What the leader (团长) earns through the commission ledger when the group completes; zero for none.</param>
/// <param name="SimulatedCompletion">Whether a group short of its target at expiry completes as it is (模拟成团) instead of being refunded.</param>
/// <param name="StartsAt">When groups may start opening.</param>
/// <param name="EndsAt">When the last group may open (exclusive).</param>
/// <param name="OccurredAt">When it was scheduled.</param>
public sealed record GroupBuyScheduled(
    string PlayId,
    string ProductId,
    Money GroupPrice,
    int Target,
    TimeSpan TimeLimit,
    int PerMemberLimit,
    int TotalLimit,
    Money LeaderRebate,
    bool SimulatedCompletion,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset OccurredAt) : IPlayEvent;
