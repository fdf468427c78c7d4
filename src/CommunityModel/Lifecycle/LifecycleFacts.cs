namespace CommunityModel.Lifecycle;

/// <summary>
/// What the integrator knows about a member when a trigger arrives, for the guards that need it
/// (partner qualification, dormancy). Facts are read, never stored: the event records the outcome.
/// </summary>
/// <param name="SuccessfulReferrals">People this member referred who bought.</param>
/// <param name="HoldsActiveKa">Whether the member holds an active KA membership.</param>
/// <param name="HoldsPartnerPackage">Whether the member holds the partner package.</param>
/// <param name="LastActiveAt">When the member last took part (posted, attended, bought); null when unknown.</param>
public readonly record struct LifecycleFacts(int SuccessfulReferrals = 0, bool HoldsActiveKa = false, bool HoldsPartnerPackage = false, DateTimeOffset? LastActiveAt = null);
