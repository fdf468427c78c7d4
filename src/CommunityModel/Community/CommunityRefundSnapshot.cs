namespace CommunityModel;

/// <summary>A refund in a <see cref="CommunitySnapshot"/>.</summary>
/// <param name="RefundId">The refund id.</param>
/// <param name="Member">The buyer refunded.</param>
/// <param name="OrderId">The product order refunded; <see langword="null"/> for a membership refund, spread over the membership's orders.</param>
/// <param name="Amount">What was given back.</param>
public sealed record CommunityRefundSnapshot(string RefundId, MemberId Member, string? OrderId, Money Amount);
