using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.Api;

/// <summary>One sponsor on a member's sponsor line.</summary>
/// <param name="Level">1 for the member's own sponsor, 2 for that sponsor's sponsor, ...</param>
/// <param name="MemberId">The sponsor.</param>
/// <param name="Stage">The sponsor's stage on the value chain.</param>
public sealed record SponsorView(int Level, MemberId MemberId, LifecycleStage Stage);
