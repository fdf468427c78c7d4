namespace CommunityModel.Commissions.Paying;

/// <summary>
/// Who holds one plan role on an order, as the paying kernel reads it: the holder's index in the caller's holder table
/// (-1 when the order names no holder), and for a banded role the holder's period volume <c>V</c> in the role and the
/// schedule's period pay <c>T</c> on it, in minor units.
/// </summary>
internal readonly record struct RoleHolding(int Holder, long Volume, long PeriodPay);
