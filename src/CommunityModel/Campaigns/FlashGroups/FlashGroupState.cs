using System.Collections.Immutable;

namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>A flash group as it stands.</summary>
/// <param name="Setup">How it opened.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Members">Its members, in the order they joined.</param>
/// <param name="Dissolution">How it was dissolved, once it was.</param>
public sealed record FlashGroupState(FlashGroupOpened Setup, FlashGroupStage Stage, ImmutableArray<MemberId> Members, FlashGroupDissolved? Dissolution);
