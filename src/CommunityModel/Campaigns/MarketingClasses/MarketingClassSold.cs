namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>A sale attributed to a marketing class: made live or in its follow-up window; the community's order carries the play's id.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Member">The buyer.</param>
/// <param name="OrderId">The community order.</param>
/// <param name="Price">What the buyer paid: the class price.</param>
/// <param name="OccurredAt">When.</param>
public sealed record MarketingClassSold(string PlayId, MemberId Member, string OrderId, Money Price, DateTimeOffset OccurredAt) : IPlayEvent;
