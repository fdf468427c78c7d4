namespace CommunityModel.Persistence;

/// <summary>An event as a store keeps it: its stable name and its UTF-8 JSON.</summary>
/// <param name="Type">The stable, versioned name, e.g. <c>membership.purchased.v1</c>.</param>
/// <param name="Data">The event as UTF-8 JSON.</param>
public readonly record struct SerializedEvent(string Type, ReadOnlyMemory<byte> Data);
