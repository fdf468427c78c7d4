using CommunityModel.Credits;
using CommunityModel.Memberships;

namespace CommunityModel;

// Referral credits joined into the community (会员用转介绍兑换一切): a paid order of a referred member earns its sponsor
// credits, a refund takes them back, the close of a period expires lots, and RedeemCredits spends them. The credits are
// decided from the events the rest of the command produced, after it was decided and before anything is applied.
public sealed partial class Community
{
    private readonly ReferralCredits? _credits;

    /// <summary>The referral credits ledger, when the community was given <see cref="CreditOptions"/>; read balances from it.</summary>
    public ReferralCredits? Credits => _credits;

    private ReferralCredits? CreateCredits(CreditOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var items = (_desk?.Plan.Tiers.Select(t => t.Id) ?? []).Concat(_catalog?.Products.Select(p => p.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        var problems = CreditOptionsValidator.Problems(options, items);
        return problems.Count > 0
            ? throw new CommunityException(ErrorCodes.CommunityInvalidOptions, "Credit options are invalid: " + string.Join(" ", problems.Select(p => "Credits:" + p)))
            : new ReferralCredits(options, _time);
    }

    private bool Redeem(Draft draft, RedeemCredits command)
    {
        var id = MemberStream.Required(command.RedemptionId, "RedemptionId");
        var item = MemberStream.Required(command.Item, "Item");
        var member = Require(command.Member, "Member");
        MemberStream.RequireNotHeld(member, "Member", "can neither buy nor use entitlements");

        var credits = _credits ?? throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{nameof(RedeemCredits)} needs referral credits, and this community holds none (no credit options).", "Command");
        var decision = credits.DecideRedemption(member.Id, id, item);
        draft.Emit(decision.Events);
        return decision.IsRepeat;
    }

    private void DecideCredits(Draft draft, CommunityCommand command)
    {
        if (_credits is null)
        {
            return;
        }

        if (command is ClosePeriod)
        {
            draft.Emit(_credits.DecideExpiry().Events);
            return;
        }

        var paid = new Dictionary<string, (MemberId Member, string Item, Money Paid)>(StringComparer.Ordinal);
        foreach (var (e, _) in draft.Events.ToList())
        {
            var (orderId, member, item, amount) = e switch
            {
                ProductPurchased p => (p.OrderId, p.Member, p.ProductId, p.Paid),
                MembershipPurchased { OrderId: { } id } p => (id, p.MemberId, p.TierId, p.Paid),
                MembershipRenewed { OrderId: { } id } r => (id, r.MemberId, r.TierId, r.Paid),
                MembershipUpgraded { OrderId: { } id } u => (id, u.MemberId, u.ToTierId, u.Charged),
                PromoterRightsGranted { OrderId: { } id, Paid: { } rights } g => (id, g.MemberId, g.TierId, rights),
                _ => (null, default(MemberId), null, default(Money)),
            };
            if (orderId is not null)
            {
                paid[orderId] = paid.TryGetValue(orderId, out var before) ? before with { Paid = before.Paid + amount } : (member, item!, amount);
            }

            switch (e)
            {
                case ProductRefunded r:
                    draft.Emit(_credits.DecideReversal(r.OrderId, r.RefundId, r.Amount).Events);
                    break;
                case MembershipRefunded { RefundId: { } refundId } r:
                    foreach (var (order, share) in MemberStream.SpreadOverMembershipOrders(OrderList(r.MemberId), r.Amount))
                    {
                        draft.Emit(_credits.DecideReversal(order.OrderId, refundId, share).Events);
                    }

                    break;
            }
        }

        foreach (var (orderId, (member, item, amount)) in paid)
        {
            var sponsor = SponsorOf(member);
            if (amount.IsPositive && !sponsor.IsEmpty && _members.ContainsKey(sponsor) && !draft.Member(sponsor).IsHeld)
            {
                draft.Emit(_credits.DecideEarning(new ReferredOrder(sponsor, member, orderId, item, amount)).Events);
            }
        }
    }

    private void ApplyCredits(ICreditEvent e) =>
        (_credits ?? throw new ReplayException(ErrorCodes.CommunityReplayMismatch, _applied, e, $"{e.GetType().Name} at {e.OccurredAt:O} is a referral credits event, and this community holds no referral credits")).Apply(e);

    private List<string> CreditsSnapshotProblems(CreditsSnapshot? snapshot) =>
        snapshot is null ? []
        : _credits is null ? ["holds referral credits, and this community holds none"]
        : [.. ReferralCredits.SnapshotProblems(snapshot).Select(p => "its credits " + p)];
}
