namespace CommunityModel.Crm.Api;

/// <summary>One grant of a membership: a product, its quota (null: unlimited) and its validity <c>[validFrom, validUntil)</c>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">The quota, or null for unlimited use.</param>
/// <param name="Consumed">Uses so far.</param>
/// <param name="Remaining">Uses left, or null for unlimited.</param>
/// <param name="ValidFrom">The first day.</param>
/// <param name="ValidUntil">The day after the last.</param>
public sealed record EntitlementView(string ProductId, int? Quantity, int Consumed, int? Remaining, DateOnly ValidFrom, DateOnly ValidUntil);
