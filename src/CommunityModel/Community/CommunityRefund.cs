namespace CommunityModel;

/// <summary>A refund the community took: of one product order, or of a membership, spread over the membership's orders.</summary>
/// <param name="RefundId">The refund id.</param>
/// <param name="Member">The buyer refunded.</param>
/// <param name="OrderId">The product order refunded; <see langword="null"/> for a membership refund, spread over the membership's orders.</param>
/// <param name="Amount">What was given back.</param>
public sealed record CommunityRefund(string RefundId, MemberId Member, string? OrderId, Money Amount);
