namespace CommunityModel.Campaigns;

/// <summary>A reward a play pays through the commission ledger with its sales (the group-buy leader rebate, 团长返利).</summary>
/// <param name="RewardId">The reward's id in the ledger.</param>
/// <param name="Beneficiary">Who earns it.</param>
/// <param name="Amount">The reward.</param>
/// <param name="Rule">The rule id its ledger line carries.</param>
public sealed record PlayReward(string RewardId, MemberId Beneficiary, Money Amount, string Rule);
