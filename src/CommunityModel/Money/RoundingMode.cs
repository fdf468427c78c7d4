namespace CommunityModel;

/// <summary>
/// How an exact result is rounded to the currency's minor unit (for CNY, the fen).
/// Every mode is symmetric around zero: a refund is rounded exactly like the payment it mirrors.
/// </summary>
public enum RoundingMode
{
    /// <summary>
    /// Round to the nearest minor unit; a result exactly halfway rounds away from zero
    /// (四舍五入, commercial rounding). The default everywhere a mode is optional.
    /// </summary>
    HalfUp = 0,

    /// <summary>Round to the nearest minor unit; a result exactly halfway rounds to the even neighbour (banker's rounding).</summary>
    HalfEven = 1,

    /// <summary>Round toward zero (truncate). Used for payouts that must never overpay.</summary>
    Down = 2,

    /// <summary>Round away from zero whenever anything is left over.</summary>
    Up = 3,
}
