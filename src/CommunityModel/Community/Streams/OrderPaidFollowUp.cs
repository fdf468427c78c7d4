namespace CommunityModel;

/// <summary>
/// An order was paid: its commissions are computed on the buyer's upline as it stands now and entered for the earners
/// (<see cref="ICommunityCommissions.OrderPaid"/>), and the referral network may lock the buyer's sponsor.
/// Idempotent by <see cref="CommunityOrder.OrderId"/>.
/// </summary>
/// <param name="Order">The order, as the buyer's stream recorded it.</param>
public sealed record OrderPaidFollowUp(CommunityOrder Order) : FollowUp;
