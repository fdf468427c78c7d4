namespace CommunityModel.StandardWork;

/// <summary>A reply left the library; its keywords are free for another reply.</summary>
/// <param name="ReplyId">The reply.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ReplyRetired(string ReplyId, string Reason, DateTimeOffset OccurredAt) : IReplyLibraryEvent;
