namespace CommunityModel.Lifecycle;

/// <summary>
/// A condition a transition requires, with a stable code and a human-readable description in English and
/// Chinese, e.g. <c>partner.minimum_referrals</c>: "has at least 3 successful referrals" / "成功推荐至少3人".
/// Refused transitions name the guards they did not meet.
/// </summary>
/// <param name="Code">A stable, machine-readable code.</param>
/// <param name="Description">What the guard requires, with its configured thresholds.</param>
public sealed record LifecycleGuard(string Code, LocalizedName Description)
{
    /// <summary>The code and the English description.</summary>
    /// <returns>e.g. <c>partner.minimum_referrals: has at least 3 successful referrals</c>.</returns>
    public override string ToString() => $"{Code}: {Description.English}";
}
