namespace CommunityModel.StandardWork;

/// <summary>What a message called up: the reply and the keyword that matched.</summary>
/// <param name="Reply">The reply.</param>
/// <param name="Keyword">The keyword found in the message.</param>
public sealed record ReplyMatch(KeywordReply Reply, string Keyword);
