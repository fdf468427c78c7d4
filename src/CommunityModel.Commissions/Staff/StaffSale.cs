namespace CommunityModel.Commissions.Staff;

/// <summary>An order line a staff member is credited with in a period, with its commissionable base net of the period's refunds.</summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Base">The base, zero or more.</param>
public readonly record struct StaffSale(string OrderLineId, Money Base);
