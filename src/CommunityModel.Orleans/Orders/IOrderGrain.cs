using CommunityModel.Commissions.Ledger;

namespace CommunityModel.Orleans.Orders;

/// <summary>
/// One order (keyed by order id, its one order line): its payment, its attribution (the buyer's upline as it was when
/// paid), its refunds, and a <see cref="CommissionLedger"/> of its own lines that decides what each refund reverses. It
/// delivers every accrual and reversal to the earner's grain exactly once, in order, retrying until delivered.
/// </summary>
[Alias("communitymodel.order")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Pays the order: gathers the buyer's upline from the member grains, accrues the plan's commission (unless settled at month-end) and delivers it.</summary>
    /// <param name="request">The order.</param>
    /// <returns>The receipt; paying the same order again returns the first payment as a repeat.</returns>
    /// <exception cref="ArgumentException">The buyer is not registered, the amount is not positive, or the order id was paid with another request.</exception>
    [Alias("pay")]
    Task<OrderReceipt> Pay(OrderRequest request);

    /// <summary>
    /// Pays an order a member's stream took (<see cref="OrderPaidFollowUp"/>): its commission is computed on the buyer's
    /// upline as it stands now, with the statuses the member grains hold, as <c>CommunityCommissions</c> computes it, and
    /// delivered to the earners. Idempotent by the order id.
    /// </summary>
    /// <param name="order">The order as the buyer's stream recorded it.</param>
    /// <returns>The receipt; a repeat when the order was paid already.</returns>
    /// <exception cref="ArgumentException">The order id was paid for another buyer or amount.</exception>
    [Alias("paid")]
    Task<OrderReceipt> Paid(CommunityOrder order);

    /// <summary>
    /// Claims the order id for a buyer about to decide an order under it, so that one id names one order across the
    /// cluster even when two members race for a new id: the first claimant holds the id until its order is paid or it
    /// releases the claim. The body runs without awaiting, so a claim is atomic although it interleaves with a payment
    /// that is gathering its upline.
    /// </summary>
    /// <param name="buyer">The member id of the buyer claiming the id.</param>
    /// <returns>The buyer that holds the id: the one that paid it, else the first live claimant (<paramref name="buyer"/> when the claim is granted).</returns>
    [AlwaysInterleave]
    [Alias("claim")]
    Task<long> Claim(long buyer);

    /// <summary>Gives up a claim whose decision paid nothing (a refused or repeated order); a claim of another buyer, or an id already paid, is left as it is.</summary>
    /// <param name="buyer">The member id of the buyer that claimed the id.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    [AlwaysInterleave]
    [Alias("release")]
    Task Release(long buyer);

    /// <summary>Refunds part or all of the order and reverses its commissions in proportion; the same refund again is a repeat.</summary>
    /// <param name="refundId">The refund's id, unique per order.</param>
    /// <param name="amount">The amount refunded, in minor units.</param>
    /// <returns>The outcome, or the refusal (unknown order, over the amount paid, id reused with another amount).</returns>
    [Alias("refund")]
    Task<RefundReceipt> Refund(string refundId, long amount);

    /// <summary>
    /// The community order as the month-end reads it (with its kind, play and roles, converted by the run as at checkout),
    /// when it is paid and settled at month-end.
    /// </summary>
    /// <returns>The order, or <see langword="null"/>.</returns>
    [Alias("export")]
    Task<CommunityOrder?> ExportForMonthEnd();

    /// <summary>Accrues what the month-end run paid on this order (its accruals from the run), reversing refunds recorded before; idempotent.</summary>
    /// <param name="accruals">The run's accruals for this order line.</param>
    /// <returns>How many events the order stored (0 when already accrued).</returns>
    [Alias("accrue-month-end")]
    Task<int> AccrueMonthEnd(CommissionAccrued[] accruals);

    /// <summary>Delivers the follow-ups not yet delivered.</summary>
    /// <returns>How many still wait (0 when every earner holds its share).</returns>
    [Alias("deliver")]
    Task<int> DeliverFollowUps();
}
