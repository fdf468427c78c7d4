namespace CommunityModel.Credits;

/// <summary>A paid order of a referred member, as the ledger is told of it: the sponsor earns credits for it.</summary>
/// <param name="Sponsor">The sponsor who referred the buyer.</param>
/// <param name="Referred">The buyer.</param>
/// <param name="OrderId">The order id, unique in the ledger.</param>
/// <param name="Item">What was bought: a membership tier or a catalog product.</param>
/// <param name="Paid">What the buyer paid; positive.</param>
public sealed record ReferredOrder(MemberId Sponsor, MemberId Referred, string OrderId, string Item, Money Paid);
