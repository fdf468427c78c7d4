namespace CommunityModel.Credits;

/// <summary>What one referred order earned, and what became of it; a refund of the order reverses in proportion.</summary>
/// <param name="OrderId">The referred member's order.</param>
/// <param name="Sponsor">The sponsor who earned the credits.</param>
/// <param name="Referred">The referred member.</param>
/// <param name="Item">What the referred member bought.</param>
/// <param name="Paid">What the referred member paid.</param>
/// <param name="Credits">The credits earned.</param>
/// <param name="Refunded">The amount of the order refunded so far.</param>
/// <param name="Reversed">The credits taken back so far.</param>
/// <param name="Expired">The credits of the order's lot that expired.</param>
/// <param name="EarnedAt">When the credits were earned.</param>
public sealed record CreditEarning(
    string OrderId,
    MemberId Sponsor,
    MemberId Referred,
    string Item,
    Money Paid,
    long Credits,
    Money Refunded,
    long Reversed,
    long Expired,
    DateTimeOffset EarnedAt);
