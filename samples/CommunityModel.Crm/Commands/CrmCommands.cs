using CommunityModel.Commissions;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.State;
using CommunityModel.Crm.Storage;
using CommunityModel.Memberships;

namespace CommunityModel.Crm.Commands;

/// <summary>
/// What the CRM does when asked: each method checks the HTTP request, runs one <see cref="CommunityCommand"/> through
/// <see cref="CommunityWriter"/> (alone, its events appended to the command's stream in one transaction before anyone
/// sees them) and answers from what the community did. The community decides and throws typed errors; nothing here
/// catches them.
/// </summary>
internal sealed class CrmCommands(CommunityWriter writer)
{
    /// <summary>Registers a member on the referral network and the value chain (as a prospect).</summary>
    /// <returns>The member, and whether the registration was a retry (the same member under the same sponsor): nothing stored.</returns>
    public Task<(MemberId Member, bool Replayed)> RegisterAsync(string actor, RegisterMemberRequest request, CancellationToken cancellationToken)
    {
        var member = RequiredMember(request.MemberId, "memberId");
        var sponsor = request.SponsorId is null ? default : RequiredMember(request.SponsorId, "sponsorId");
        return writer.ExecuteAsync(
            Streams.Member(member),
            actor,
            context =>
            {
                if (context.Community.Contains(member) && context.Community.SponsorOf(member) == sponsor)
                {
                    return (member, true); // a retried registration: the same answer, nothing stored
                }

                var change = context.Execute(new RegisterMember(member, sponsor));
                return (member, change.IsRepeat);
            },
            cancellationToken);
    }

    /// <summary>Binds the member to the sponsor who referred them.</summary>
    public Task<MemberId> BindSponsorAsync(string actor, MemberId member, BindSponsorRequest request, CancellationToken cancellationToken)
    {
        var sponsor = RequiredMember(request.SponsorId, "sponsorId");
        return writer.ExecuteAsync(
            Streams.Member(member),
            actor,
            context =>
            {
                context.Execute(new BindSponsor(member, sponsor));
                return member;
            },
            cancellationToken);
    }

    /// <summary>
    /// Places an order at the catalog's price: a membership tier (the community decides purchase, renewal, upgrade or
    /// promoter rights) or a catalog product. The community moves the buyer along the value chain and accrues the plan's
    /// commission (pending until the freeze ends). The same order id again is a repeat: answered from the record, nothing stored.
    /// </summary>
    public Task<OrderView> RecordOrderAsync(string actor, MemberId member, RecordOrderRequest request, CancellationToken cancellationToken)
    {
        if (request.Price is not null || request.PriceReason is not null)
        {
            throw new CrmException(
                CrmErrorCodes.PriceFromCatalog,
                "The price comes from the catalog; a discount or a complimentary order is POST /members/{id}/discounted-orders, by staff, with a reason.",
                request.Price is not null ? "price" : "priceReason");
        }

        return PlaceAsync(actor, new PlaceOrder(member, Required(request.OrderId, "orderId"), Required(request.Item, "item")), cancellationToken);
    }

    /// <summary>Places an order below the member's price, with the reason; the community checks the price against the catalog.</summary>
    public Task<OrderView> RecordDiscountedOrderAsync(string actor, MemberId member, DiscountedOrderRequest request, CancellationToken cancellationToken)
    {
        var price = request.Price ?? throw CrmException.Invalid("price", "The price is required, e.g. {\"amount\": 0, \"currency\": \"CNY\"} for a complimentary order.");
        var reason = InputRules.Reason(request.Reason, "reason");
        return PlaceAsync(actor, new PlaceOrder(member, Required(request.OrderId, "orderId"), Required(request.Item, "item"), price, reason), cancellationToken);
    }

    private Task<OrderView> PlaceAsync(string actor, PlaceOrder command, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(
            Streams.Member(command.Member),
            actor,
            context =>
            {
                // The same order id again must be the same order: another item or another price is a conflict naming it.
                if (context.Community.TryGetOrder(command.OrderId, out var known) && known.Member == command.Member)
                {
                    if (!string.Equals(known.Item, command.Item, StringComparison.Ordinal))
                    {
                        throw new CrmException(ErrorCodes.CommunityIdConflict, $"Order '{command.OrderId}' is already '{known.Item}', not '{command.Item}'.", "item");
                    }

                    if (command.Price is { } price && price != known.Paid)
                    {
                        throw new CrmException(ErrorCodes.CommunityIdConflict, $"Order '{command.OrderId}' was paid {known.Paid}, not {price}.", "price");
                    }
                }

                var change = context.Execute(command);
                context.Community.TryGetOrder(command.OrderId, out var order);
                var accrued = change.IsRepeat ? context.State.AccruedBy(command.OrderId) : [.. change.EventsOf<CommissionAccrued>()];
                return new OrderView(
                    order!.OrderId, order.Member, order.Item, order.Kind, order.Paid, context.Community.Member(command.Member).Stage,
                    [.. accrued.Select(a => new CommissionView(a.Key.Beneficiary, a.Level, a.Key.Rule, a.Amount, a.AvailableAt))],
                    change.IsRepeat);
            },
            cancellationToken);

    /// <summary>
    /// Refunds an order. The community computes a membership refund by the plan and spreads it over the membership's
    /// orders, refunds a product by the amount asked, and reverses the commission in proportion. The same refund id
    /// again is a repeat.
    /// </summary>
    public Task<RefundView> RecordRefundAsync(string actor, MemberId member, string orderId, RecordRefundRequest request, CancellationToken cancellationToken)
    {
        var command = new RefundOrder(member, InputRules.Id(orderId, "orderId"), Required(request.RefundId, "refundId"), request.Amount);
        return writer.ExecuteAsync(
            Streams.Member(member),
            actor,
            context =>
            {
                // The same refund id again must be the same refund: another amount is a conflict naming it.
                if (context.State.RefundedBy(command.RefundId) is { } refunded && request.Amount is { } asked && asked != refunded)
                {
                    throw new CrmException(ErrorCodes.CommunityIdConflict, $"Refund '{command.RefundId}' gave back {refunded}, not {asked}.", "amount");
                }

                var change = context.Execute(command);
                var state = context.State;
                var amount = change.IsRepeat
                    ? state.RefundedBy(command.RefundId)!.Value
                    : change.EventsOf<ProductRefunded>().Select(r => r.Amount).Concat(change.EventsOf<MembershipRefunded>().Select(r => r.Amount)).Single();
                var reversed = change.IsRepeat
                    ? state.ReversedBy(command.RefundId, amount.Currency)
                    : Money.Sum(change.EventsOf<CommissionReversed>().Select(r => r.Amount), amount.Currency);
                return new RefundView(command.RefundId, orderId, amount, reversed, context.Community.Member(member).Stage, change.IsRepeat);
            },
            cancellationToken);
    }

    /// <summary>Requests a withdrawal of available commission; the ledger refuses more than the available balance. The same id again changes nothing.</summary>
    public Task<WithdrawalView> RequestWithdrawalAsync(string actor, MemberId member, WithdrawalRequest request, CancellationToken cancellationToken)
    {
        var withdrawalId = Required(request.WithdrawalId, "withdrawalId");
        var amount = request.Amount ?? throw CrmException.Invalid("amount", "The amount to withdraw is required, e.g. {\"amount\": 100.00, \"currency\": \"CNY\"}.");
        return writer.ExecuteAsync(
            Streams.Member(member),
            actor,
            context =>
            {
                context.Community.Member(member); // community.unknown_member (404) for a member never registered

                // A repeated id with the same member and amount is a replay: the original request, no event to store.
                var result = context.State.Ledger.TryRequestWithdrawal(withdrawalId, member, amount);
                if (!result.Succeeded)
                {
                    throw new WithdrawalRefusedException(withdrawalId, member, result.Refusals); // 409 id conflict or balance, 400 otherwise
                }

                if (result.Value.Event is { } requested)
                {
                    context.Record(requested);
                }

                // A repeat answers where the withdrawal stands now (paid by a month-end since, perhaps).
                return result.Value.IsRepeat && context.State.Withdrawal(withdrawalId) is { } known
                    ? known with { Replayed = true }
                    : WithdrawalView.Of(result.Value.Request, result.Value.IsRepeat);
            },
            cancellationToken);
    }

    /// <summary>Uses an entitlement once today (the grant that expires first); the same key again is the same use and changes nothing.</summary>
    public Task<MembershipView> UseEntitlementAsync(string actor, MemberId member, string productId, UseEntitlementRequest request, CancellationToken cancellationToken)
    {
        var command = new ConsumeEntitlement(member, InputRules.Id(productId, "productId"), Required(request.Key, "key"));
        return writer.ExecuteAsync(
            Streams.Member(member),
            actor,
            context =>
            {
                context.Execute(command); // not entitled, quota used up, or key used for another product: 409
                return MembershipView.Of(context.Community.Member(member).Membership!);
            },
            cancellationToken);
    }

    private static string Required(string? value, string field) => InputRules.Id(value, field);

    private static MemberId RequiredMember(long? value, string field) => value switch
    {
        null => throw CrmException.Invalid(field, $"The field '{field}' is required: the CRM's member id, a positive integer."),
        <= 0 => throw CrmException.Invalid(field, $"The field '{field}' is {value}; a member id is a positive integer."),
        _ => new MemberId(value.Value),
    };
}
