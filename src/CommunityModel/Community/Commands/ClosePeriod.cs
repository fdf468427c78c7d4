namespace CommunityModel;

/// <summary>
/// Brings every member up to date at the end of a period: memberships whose term ended expire (the member lapses),
/// and fans inactive for longer than the value chain allows go dormant.
/// </summary>
public sealed record ClosePeriod : CommunityCommand;
