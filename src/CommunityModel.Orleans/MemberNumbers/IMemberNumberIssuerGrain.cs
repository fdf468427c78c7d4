namespace CommunityModel.Orleans.MemberNumbers;

/// <summary>
/// The one place member numbers (会员编号) are counted in the cluster (key 0): the library's
/// <see cref="CommunityModel.MemberNumbers.MemberNumberIssuer"/>, its issues stored as <see cref="MemberNumberIssued"/>
/// in the stream <c>member-numbers</c>. Idempotent by the member.
/// </summary>
[Alias("communitymodel.member-numbers")]
public interface IMemberNumberIssuerGrain : IGrainWithIntegerKey
{
    /// <summary>Issues the next number of <paramref name="category"/> to <paramref name="member"/>, or returns the one it holds.</summary>
    /// <param name="member">The member.</param>
    /// <param name="category">The numbering category (a tier with a prefix of its own, or the default category).</param>
    /// <param name="occurredAt">When the member's first membership started.</param>
    /// <returns>The member's number, as text.</returns>
    [Alias("issue")]
    Task<string> Issue(long member, string category, DateTimeOffset occurredAt);
}
