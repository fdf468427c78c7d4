namespace CommunityModel.Orleans.Refunds;

/// <summary>
/// A refund id's grain (key: the refund id): which member's refund it names, so that one refund id names one refund
/// across the cluster, as <see cref="Community"/> refuses a refund id another member used. A member's grain claims a new
/// refund id before its stream decides the refund; the claim becomes the record (<see cref="Events.RefundIdTaken"/>, in
/// the stream <c>refund-{id}</c>) when the refund's follow-ups are delivered, which is retried until it is.
/// </summary>
[Alias("communitymodel.refund")]
public interface IRefundGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the refund id for a member about to decide a refund under it: the first claimant holds it until its refund
    /// is recorded or it releases the claim. The body runs without awaiting, so a claim is atomic.
    /// </summary>
    /// <param name="member">The member id claiming the refund id.</param>
    /// <returns>The member that holds the id: the one whose refund it names, else the first live claimant (<paramref name="member"/> when the claim is granted).</returns>
    [AlwaysInterleave]
    [Alias("claim")]
    Task<long> Claim(long member);

    /// <summary>Gives up a claim whose decision refunded nothing (a refused or repeated refund); another member's claim, or an id already recorded, is left as it is.</summary>
    /// <param name="member">The member id that claimed the refund id.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    [AlwaysInterleave]
    [Alias("release")]
    Task Release(long member);

    /// <summary>Records that the refund id names a refund of the member, as the member's stream stored it; the same member again is a repeat.</summary>
    /// <param name="member">The member whose stream holds the refund.</param>
    /// <returns>The member the id names: <paramref name="member"/>, or the member recorded first.</returns>
    [Alias("record")]
    Task<long> Record(long member);
}
