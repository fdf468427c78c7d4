namespace CommunityModel.StandardWork;

/// <summary>A reply's answer was revised; its keywords stay.</summary>
/// <param name="ReplyId">The reply.</param>
/// <param name="Answer">The new answer.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ReplyRevised(string ReplyId, string Answer, DateTimeOffset OccurredAt) : IReplyLibraryEvent;
