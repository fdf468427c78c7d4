using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.Api;

/// <summary>A refund as recorded.</summary>
/// <param name="RefundId">The refund id.</param>
/// <param name="OrderId">The refunded order.</param>
/// <param name="Amount">What went back to the buyer.</param>
/// <param name="CommissionReversed">The commission the refund took back from the uplines.</param>
/// <param name="Stage">The buyer's stage after the refund.</param>
/// <param name="Replayed">True when the refund id was already recorded: nothing changed.</param>
public sealed record RefundView(string RefundId, string OrderId, Money Amount, Money CommissionReversed, LifecycleStage Stage, bool Replayed);
