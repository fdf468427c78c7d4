using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.Api;

/// <summary>An order as recorded, with the commission it accrued.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="MemberId">The buyer.</param>
/// <param name="Item">The tier or product.</param>
/// <param name="Kind">What the order did.</param>
/// <param name="AmountPaid">What the buyer paid.</param>
/// <param name="Stage">The buyer's stage after the order.</param>
/// <param name="Commissions">The commission lines, pending until their freeze ends.</param>
/// <param name="Replayed">True when the order id was already recorded: nothing changed.</param>
public sealed record OrderView(string OrderId, MemberId MemberId, string Item, OrderKind Kind, Money AmountPaid, LifecycleStage Stage, CommissionView[] Commissions, bool Replayed);
