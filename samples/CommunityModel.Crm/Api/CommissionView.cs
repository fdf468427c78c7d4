namespace CommunityModel.Crm.Api;

/// <summary>One commission line an order accrued.</summary>
/// <param name="Beneficiary">The upline who earns it.</param>
/// <param name="Level">1 for the buyer's sponsor, 2 above, ...</param>
/// <param name="Rule">The plan rule, e.g. <c>standard/level-1</c>.</param>
/// <param name="Amount">The amount.</param>
/// <param name="AvailableAt">When the freeze ends.</param>
public sealed record CommissionView(MemberId Beneficiary, int Level, string Rule, Money Amount, DateTimeOffset AvailableAt);
