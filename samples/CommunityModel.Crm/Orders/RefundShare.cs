namespace CommunityModel.Crm.Orders;

/// <summary>The part of a refund that gave back money paid on one order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">How much of it.</param>
public sealed record RefundShare(string OrderId, Money Amount);
