using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Staff;

/// <summary>One organisational role's share of every order in a role split, e.g. the division's 5%.</summary>
/// <param name="Role">The role, e.g. <c>division</c>, <c>agent</c>, <c>staff</c>; unique in its split.</param>
/// <param name="Reward">A rate of the base or a fixed amount per order line.</param>
public sealed record RoleShare(string Role, LevelReward Reward);
