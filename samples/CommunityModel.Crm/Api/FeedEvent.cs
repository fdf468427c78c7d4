using System.Text.Json;

namespace CommunityModel.Crm.Api;

/// <summary>One stored event in <c>GET /events</c>, as stored: its position, stream, type, time, account and JSON.</summary>
/// <param name="Position">The store's sequence: increasing, never reused, the same after a restart.</param>
/// <param name="Stream">The stream, e.g. <c>member-2</c> or <c>community</c>.</param>
/// <param name="Version">The event's version in its stream.</param>
/// <param name="Type">The registered name, e.g. <c>membership.purchased.v1</c>.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Actor">The account that caused it.</param>
/// <param name="Data">The event's JSON, as stored.</param>
public sealed record FeedEvent(long Position, string Stream, long Version, string Type, DateTimeOffset OccurredAt, string Actor, JsonElement Data);
