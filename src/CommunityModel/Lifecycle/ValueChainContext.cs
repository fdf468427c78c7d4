namespace CommunityModel.Lifecycle;

/// <summary>What the value chain's guards and dynamic destinations read when a trigger fires.</summary>
internal readonly record struct ValueChainContext(LifecycleState State, LifecycleFacts Facts, string? Reason, DateTimeOffset Now);
