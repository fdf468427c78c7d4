using System.Collections.Immutable;

namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>One group (团) of a group buy as it stands.</summary>
/// <param name="Opened">How it was opened.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Participants">Its participants in the order they joined, the leader first.</param>
/// <param name="Completion">How it completed, when it did.</param>
/// <param name="Refund">How it was refunded, when it was.</param>
public sealed record GroupBuyGroup(GroupBuyGroupOpened Opened, GroupBuyStage Stage, ImmutableArray<GroupBuyJoined> Participants, GroupBuyCompleted? Completion, GroupBuyRefunded? Refund);
