namespace CommunityModel.Orleans.Orders;

/// <summary>What refunding an order decided.</summary>
/// <param name="Outcome">The ledger's outcome (<see cref="Commissions.Ledger.RefundOutcome"/>), or <c>Refused</c>.</param>
/// <param name="Reversed">The commission reversed, in minor units.</param>
/// <param name="Refusal">Why it was refused; <see langword="null"/> when accepted.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.refund-receipt")]
public sealed record RefundReceipt([property: Id(0)] string Outcome, [property: Id(1)] long Reversed, [property: Id(2)] Members.RefusalText? Refusal);
