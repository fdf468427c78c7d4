using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CommunityModel.Catalog;
using CommunityModel.Commissions;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.MonthEnd;
using CommunityModel.Crm.Orders;
using CommunityModel.Crm.State;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;

namespace CommunityModel.Crm.Commands;

/// <summary>
/// What the CRM does when asked: each method checks the request, then runs as one command through
/// <see cref="CommunityWriter"/> (alone, its events stored in one transaction before anything is published).
/// The library decides and throws typed errors; nothing here catches them.
/// </summary>
internal sealed class CrmCommands(
    CommunityWriter writer,
    ValueChain chain,
    MembershipDesk desk,
    ProductCatalog catalog,
    CommissionCalculator calculator,
    IMonthEnd monthEnd,
    TimeProvider time)
{
    /// <summary>Registers a member on the referral network and the value chain (as a prospect).</summary>
    public Task<MemberId> RegisterAsync(RegisterMemberRequest request, CancellationToken cancellationToken)
    {
        var member = RequiredMember(request.MemberId, "memberId");
        var sponsor = request.SponsorId is null ? default : RequiredMember(request.SponsorId, "sponsorId");
        return writer.ExecuteAsync(
            context =>
            {
                var start = chain.Start(member); // pure: decide it before the network changes
                context.Record(context.Community.Network.Register(member, sponsor));
                context.Apply(start);
                return member;
            },
            cancellationToken);
    }

    /// <summary>Binds the member to the sponsor who referred them.</summary>
    public Task<MemberId> BindSponsorAsync(MemberId member, BindSponsorRequest request, CancellationToken cancellationToken)
    {
        var sponsor = RequiredMember(request.SponsorId, "sponsorId");
        return writer.ExecuteAsync(
            context =>
            {
                context.Community.Require(member);
                context.Record(context.Community.Network.Bind(member, sponsor));
                return member;
            },
            cancellationToken);
    }

    /// <summary>
    /// Records a purchase: a membership tier (a purchase, a renewal of the same tier or an upgrade to a dearer one)
    /// or a catalog product; moves the buyer along the value chain; pays the plan's commission to the uplines
    /// (pending until the freeze ends). The same order id again returns the recorded order and changes nothing.
    /// </summary>
    public Task<OrderView> RecordOrderAsync(MemberId member, RecordOrderRequest request, CancellationToken cancellationToken)
    {
        var orderId = Required(request.OrderId, "orderId");
        var item = Required(request.Item, "item");
        return writer.ExecuteAsync(
            context =>
            {
                var community = context.Community;
                community.Require(member);
                if (Seen(community.Orders, orderId, "orderId", o => o.Member == member && o.Item == item, o => $"'{o.Item}' by member {o.Member}", out var existing))
                {
                    return ViewOf(existing, community.Lifecycles[member].Stage, replayed: true, community.CommissionsByOrder.GetValueOrDefault(orderId) ?? []);
                }

                var now = time.GetUtcNow();
                var (kind, paid, trigger, order, change) = desk.Plan.TryGetTier(item, out var tier)
                    ? MembershipOrder(context.MembershipOf(member), member, tier, request.Price, request.PriceReason, orderId)
                    : ProductOrder(member, item, request.Price, orderId);
                var recorded = new OrderRecorded(orderId, member, item, kind, paid, now);
                context.Record(recorded);
                if (change is not null)
                {
                    context.Apply(change);
                }

                // Feeding another capability's fact into the value chain: a refusal (e.g. a customer buying again) is no error.
                var moved = chain.TryFire(context.LifecycleOf(member), trigger);
                if (moved.Succeeded)
                {
                    context.Apply(moved.Value);
                }

                var accrued = new List<CommissionAccrued>();
                if (paid.IsPositive)
                {
                    if (community.Network.RecordCommissionableOrder(member) is { } locked)
                    {
                        context.Record(locked);
                    }

                    var commission = calculator.Calculate(order with { AmountPaid = paid }, community.Network.Snapshot());
                    // Every event the accrual returns is stored (reversals of refunds recorded before it included); the view shows the accruals.
                    var entered = community.Ledger.Accrue(commission, paidAt: now);
                    context.Record(entered);
                    accrued.AddRange(entered.OfType<CommissionAccrued>());
                }

                return ViewOf(recorded, context.LifecycleOf(member).Stage, replayed: false, accrued);
            },
            cancellationToken);
    }

    /// <summary>
    /// Refunds an order. A membership order cancels the membership (the plan computes the amount: cooling-off,
    /// unused days, consumed courses) and moves the member back to Customer; a product order refunds the amount
    /// asked. Either way the commission is reversed in proportion. The same refund id again changes nothing.
    /// </summary>
    public Task<RefundView> RecordRefundAsync(MemberId member, string orderId, RecordRefundRequest request, CancellationToken cancellationToken)
    {
        var refundId = Required(request.RefundId, "refundId");
        return writer.ExecuteAsync(
            context =>
            {
                var community = context.Community;
                community.Require(member);
                if (!community.Orders.TryGetValue(orderId, out var order) || order.Member != member)
                {
                    throw new CrmException(CrmErrorCodes.UnknownOrder, $"Member {member} has no order '{orderId}'.");
                }

                if (Seen(community.Refunds, refundId, "refundId", r => r.OrderId == orderId, r => $"order '{r.OrderId}'", out var done))
                {
                    return new RefundView(refundId, orderId, done.Amount, ReversedBy(community, refundId), community.Lifecycles[member].Stage, Replayed: true);
                }

                var currency = order.AmountPaid.Currency;
                var now = time.GetUtcNow();
                ImmutableArray<RefundShare> shares;
                Money amount;
                if (order.Kind == OrderKind.Product)
                {
                    var remaining = RemainingOf(community, order);
                    amount = request.Amount ?? remaining;
                    if (amount.Currency != currency || !amount.IsPositive)
                    {
                        throw CrmException.Invalid("amount", $"A refund is a positive amount in {currency.Code}; {amount} is not.");
                    }

                    if (amount > remaining)
                    {
                        throw new CommissionException(CommissionErrorCodes.RefundExceedsPaid, $"Refund '{refundId}' of {amount} is more than the {remaining} of order '{orderId}' not yet refunded.");
                    }

                    shares = [new RefundShare(orderId, amount)];
                    context.Record(new OrderRefunded(refundId, orderId, member, amount, shares, now));
                }
                else
                {
                    if (request.Amount is not null)
                    {
                        throw CrmException.Invalid("amount", "A membership refund is computed by the membership plan (cooling-off, unused days, consumed courses); leave the amount out.");
                    }

                    var membership = context.MembershipOf(member) ?? throw new CrmException(CrmErrorCodes.UnknownOrder, $"Member {member} holds no membership to refund.");
                    var change = desk.Refund(membership); // refused with membership.not_active (409) when it already ended
                    amount = change.Events.OfType<MembershipRefunded>().Single().Amount;
                    shares = SpreadOverMembershipOrders(community, member, amount);
                    context.Record(new OrderRefunded(refundId, orderId, member, amount, shares, now));
                    context.Apply(change);
                    var back = chain.TryFire(context.LifecycleOf(member), LifecycleTrigger.MembershipRefunded, reason: $"refund {refundId} of order {orderId}");
                    if (back.Succeeded)
                    {
                        context.Apply(back.Value);
                    }
                }

                // The ledger reverses the commission of each order line in proportion to what was refunded of it
                // (one refund id across the lines; a line that earned no commission is a no-op).
                var reversed = Money.Zero(currency);
                foreach (var share in shares.Where(s => s.Amount.IsPositive))
                {
                    var result = community.Ledger.Refund(share.OrderId, refundId, share.Amount);
                    context.Record(result.Events);
                    reversed += result.Reversed;
                }

                return new RefundView(refundId, orderId, amount, reversed, context.LifecycleOf(member).Stage, Replayed: false);
            },
            cancellationToken);
    }

    /// <summary>Requests a withdrawal of available commission; the ledger refuses more than the available balance. The same id again changes nothing.</summary>
    public Task<WithdrawalView> RequestWithdrawalAsync(MemberId member, WithdrawalRequest request, CancellationToken cancellationToken)
    {
        var withdrawalId = Required(request.WithdrawalId, "withdrawalId");
        var amount = request.Amount ?? throw CrmException.Invalid("amount", "The amount to withdraw is required, e.g. {\"amount\": 100.00, \"currency\": \"CNY\"}.");
        return writer.ExecuteAsync(
            context =>
            {
                var community = context.Community;
                community.Require(member);

                // A repeated id with the same member and amount is a replay: the original request, no event to store.
                var result = community.Ledger.TryRequestWithdrawal(withdrawalId, member, amount);
                if (!result.Succeeded)
                {
                    throw new WithdrawalRefusedException(withdrawalId, member, result.Refusals); // 409 id conflict or balance, 400 otherwise
                }

                if (result.Value.Event is { } requested)
                {
                    context.Record(requested);
                }

                return WithdrawalView.Of(result.Value.Request, result.Value.IsRepeat);
            },
            cancellationToken);
    }

    /// <summary>Uses an entitlement once today (the grant that expires first); the same key again is the same use and changes nothing.</summary>
    public Task<MembershipView> UseEntitlementAsync(MemberId member, string productId, UseEntitlementRequest request, CancellationToken cancellationToken)
    {
        var key = Required(request.Key, "key");
        return writer.ExecuteAsync(
            context =>
            {
                context.Community.Require(member);
                var membership = context.MembershipOf(member)
                    ?? throw new MembershipRefusedException([new Refusal(ErrorCodes.NotEntitled, $"Member {member} has never held a membership, so no entitlement to '{productId}'.")]);
                var change = desk.Consume(membership, productId, key); // not entitled, quota used up, or key used for another product: 409
                context.Apply(change);
                return MembershipView.Of(change.Membership);
            },
            cancellationToken);
    }

    /// <summary>Runs month-end through the registered <see cref="IMonthEnd"/>.</summary>
    public Task<MonthEndReport> CloseMonthAsync(CancellationToken cancellationToken) => writer.ExecuteAsync(monthEnd.Close, cancellationToken);

    private (OrderKind, Money, LifecycleTrigger, CommissionableOrder, MembershipChange?) MembershipOrder(
        Membership? current, MemberId member, MembershipTier tier, Money? price, string? priceReason, string orderId)
    {
        // Decide on the membership as of today (the desk brings it up to date itself and emits the expiries).
        var today = current is null ? null : desk.Refresh(current).Membership;
        var order = new CommissionableOrder(orderId, member, tier.Price) { LadderTier = tier.Id };
        if (today is null || today.Status == MembershipStatus.Refunded || (today.Status == MembershipStatus.Expired && today.TierId != tier.Id))
        {
            var purchase = desk.Purchase(member, tier.Id, current, price, priceReason);
            var trigger = tier.GrantsPromotionRights ? LifecycleTrigger.BoughtGiftPack : LifecycleTrigger.BoughtMembership;
            return (OrderKind.MembershipPurchase, purchase.Events.OfType<MembershipPurchased>().Single().Paid, trigger, order, purchase);
        }

        if (today.TierId == tier.Id)
        {
            var renewal = desk.Renew(current!, price, priceReason);
            return (OrderKind.MembershipRenewal, renewal.Events.OfType<MembershipRenewed>().Single().Paid, LifecycleTrigger.MembershipRenewed, order, renewal);
        }

        if (price is not null)
        {
            throw CrmException.Invalid("price", $"An upgrade to '{tier.Id}' is priced by the membership plan (credit for the unused term); leave the price out.");
        }

        var upgrade = desk.Upgrade(current!, tier.Id); // a cheaper tier is refused: membership.not_an_upgrade (409)
        return (OrderKind.MembershipUpgrade, upgrade.Events.OfType<MembershipUpgraded>().Single().Charged, LifecycleTrigger.BoughtMembership, order, upgrade);
    }

    private (OrderKind, Money, LifecycleTrigger, CommissionableOrder, MembershipChange?) ProductOrder(MemberId member, string item, Money? price, string orderId)
    {
        if (!catalog.TryGetProduct(item, out var product))
        {
            throw CrmException.Invalid(
                "item",
                $"'{item}' is neither a membership tier ({string.Join(", ", desk.Plan.Tiers.Select(t => t.Id))}) nor a catalog product ({string.Join(", ", catalog.Products.Select(p => p.Id))}).");
        }

        var paid = price ?? product.Price;
        if (paid.Currency != product.Price.Currency || !paid.IsPositive || paid > product.Price)
        {
            throw CrmException.Invalid("price", $"The price of '{item}' must be positive, in {product.Price.Currency.Code} and at most its list price {product.Price}; {paid} is not.");
        }

        var trigger = product.Kind == ProductKind.PartnerPackage ? LifecycleTrigger.BoughtPartnerPackage : LifecycleTrigger.MadeFirstPurchase;
        var order = new CommissionableOrder(orderId, member, paid) { ProductId = product.Id, LadderTier = product.Tier.ToString() };
        return (OrderKind.Product, paid, trigger, order, null);
    }

    private static OrderView ViewOf(OrderRecorded order, LifecycleStage stage, bool replayed, IEnumerable<CommissionAccrued> accrued) =>
        new(order.OrderId, order.Member, order.Item, order.Kind, order.AmountPaid, stage,
            [.. accrued.Select(a => new CommissionView(a.Key.Beneficiary, a.Level, a.Key.Rule, a.Amount, a.AvailableAt))], replayed);

    private static Money ReversedBy(Community community, string refundId)
    {
        var refund = community.Refunds[refundId];
        var zero = Money.Zero(refund.Amount.Currency);
        return community.ReversedByRefund.GetValueOrDefault(refund.RefundId, zero);
    }

    private static Money RemainingOf(Community community, OrderRecorded order) =>
        order.AmountPaid - community.RefundedByOrder.GetValueOrDefault(order.OrderId, Money.Zero(order.AmountPaid.Currency));

    // A membership refund cancels the membership bought by the member's last purchase and paid by every renewal and
    // upgrade since: it gives back the newest payments first, each at most what is left of it.
    private static ImmutableArray<RefundShare> SpreadOverMembershipOrders(Community community, MemberId member, Money amount)
    {
        var orders = community.OrdersByMember[member].Where(o => o.Kind != OrderKind.Product).ToList();
        var start = orders.FindLastIndex(o => o.Kind == OrderKind.MembershipPurchase);
        var shares = ImmutableArray.CreateBuilder<RefundShare>();
        var left = amount;
        for (var i = orders.Count - 1; i >= Math.Max(start, 0) && left.IsPositive; i--)
        {
            var share = Money.Min(left, RemainingOf(community, orders[i]));
            if (share.IsPositive)
            {
                shares.Add(new RefundShare(orders[i].OrderId, share));
                left -= share;
            }
        }

        return shares.ToImmutable();
    }

    // An id seen before: the same request again is answered from the record; anything else under that id is a conflict.
    private static bool Seen<T>(IReadOnlyDictionary<string, T> records, string id, string field, Func<T, bool> sameRequest, Func<T, string> usedFor, [MaybeNullWhen(false)] out T record)
    {
        if (!records.TryGetValue(id, out record))
        {
            return false;
        }

        return sameRequest(record) ? true : throw new CrmException(CrmErrorCodes.IdConflict, $"The {field} '{id}' is already used for {usedFor(record)}.", field);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw CrmException.Invalid(field, $"The field '{field}' is required.") : value.Trim();

    private static MemberId RequiredMember(long? value, string field) => value switch
    {
        null => throw CrmException.Invalid(field, $"The field '{field}' is required: the CRM's member id, a positive integer."),
        <= 0 => throw CrmException.Invalid(field, $"The field '{field}' is {value}; a member id is a positive integer."),
        _ => new MemberId(value.Value),
    };
}
