using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.Api;

/// <summary>One move of a member on the value chain (the registration is the first, from Prospect to Prospect).</summary>
/// <param name="From">The stage before.</param>
/// <param name="To">The stage after.</param>
/// <param name="Trigger">What happened.</param>
/// <param name="Reason">Why, for demotions (expiry, refund); otherwise usually null.</param>
/// <param name="OccurredAt">When.</param>
public sealed record StageChangeView(LifecycleStage From, LifecycleStage To, LifecycleTrigger Trigger, string? Reason, DateTimeOffset OccurredAt)
{
    /// <summary>The view of a transition.</summary>
    /// <param name="t">The transition.</param>
    /// <returns>The view.</returns>
    public static StageChangeView Of(MemberTransitioned t) => new(t.From, t.To, t.Trigger, t.Reason, t.OccurredAt);
}
