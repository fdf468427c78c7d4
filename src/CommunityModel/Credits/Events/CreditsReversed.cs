namespace CommunityModel.Credits;

/// <summary>
/// A refund of a referred purchase took back the credits it earned, in proportion to the amount refunded: first from
/// the order's own lot, then from the oldest lots, and what the member no longer holds becomes a debt (a negative
/// balance) that later earnings pay first. Credits that had already expired are not taken back.
/// </summary>
/// <param name="Member">The sponsor who earned the credits.</param>
/// <param name="OrderId">The order refunded.</param>
/// <param name="RefundId">The refund id.</param>
/// <param name="Refunded">The amount refunded of the order.</param>
/// <param name="Credits">The credits taken back; zero when nothing was left to take.</param>
/// <param name="OccurredAt">When the refund was made.</param>
public sealed record CreditsReversed(MemberId Member, string OrderId, string RefundId, Money Refunded, long Credits, DateTimeOffset OccurredAt) : ICreditEvent;
