using System.Collections.Immutable;

namespace CommunityModel.StandardWork;

/// <summary>A reply joined the library: the keywords that call it up and the answer given.</summary>
/// <param name="ReplyId">The reply's id.</param>
/// <param name="Keywords">The keywords, each unique across the library's live replies.</param>
/// <param name="Answer">The configured answer.</param>
/// <param name="AddedBy">Who added it.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ReplyAdded(string ReplyId, ImmutableArray<string> Keywords, string Answer, string AddedBy, DateTimeOffset OccurredAt) : IReplyLibraryEvent
{
    /// <summary>Whether both add the same reply with the same keywords, in the same order.</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ReplyAdded? other) =>
        other is not null && ReplyId == other.ReplyId && Answer == other.Answer && AddedBy == other.AddedBy && OccurredAt == other.OccurredAt
        && Keywords.AsSpan().SequenceEqual(other.Keywords.AsSpan());

    /// <summary>A hash of the id and the time.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(ReplyId, OccurredAt, Keywords.Length);
}
