using System.Collections.Immutable;

namespace CommunityModel.StandardWork;

/// <summary>A live reply of the library.</summary>
/// <param name="ReplyId">The reply's id.</param>
/// <param name="Keywords">The keywords that call it up.</param>
/// <param name="Answer">The answer given.</param>
public sealed record KeywordReply(string ReplyId, ImmutableArray<string> Keywords, string Answer)
{
    /// <summary>Whether both are the same reply with the same keywords and answer.</summary>
    /// <param name="other">The other reply.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(KeywordReply? other) =>
        other is not null && ReplyId == other.ReplyId && Answer == other.Answer && Keywords.AsSpan().SequenceEqual(other.Keywords.AsSpan());

    /// <summary>A hash of the id and the answer.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(ReplyId, Answer);
}
