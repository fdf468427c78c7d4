using System.Collections.Immutable;
using CommunityModel.Campaigns;

namespace CommunityModel;

// Sales within campaign plays (秒杀, 拼团, 营销课, …): the play decides its own rules, then the community places the orders.
// Every order is decided against the state before any of them, so a refusal of any leaves the community untouched; only
// then are their follow-ups (commissions, the network) delivered and every event applied, with the play's reward.
public sealed partial class Community : IPlayMarket
{
    /// <inheritdoc/>
    ImmutableArray<IDomainEvent> IPlayMarket.SellWithin(IReadOnlyList<PlaceOrder> orders, PlayReward? reward) => SellWithin(orders, reward).Events;

    /// <summary>Places the orders of one play sale together: all of them, or none.</summary>
    /// <param name="orders">The orders, each of another member, each naming the play.</param>
    /// <param name="reward">A reward the play pays through the commission ledger with them (the group-buy leader rebate), when any.</param>
    /// <returns>The events to store, in order.</returns>
    /// <exception cref="CommunityModelException">An order was refused, or a reward is asked of a community without commissions; nothing changed.</exception>
    internal CommunityChange SellWithin(IReadOnlyList<PlaceOrder> orders, PlayReward? reward)
    {
        lock (_gate)
        {
            Freeze();
            var draft = new Draft(this);
            var decisions = new List<MemberDecision>(orders.Count);
            var buyers = new HashSet<MemberId>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var order in orders)
            {
                if (order.Play is null || order.PlayKind is null)
                {
                    throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"Order '{order.OrderId}' names no play.", "Play");
                }

                var member = RequireOwnOrder(order);
                if (!buyers.Add(member) || !ids.Add(order.OrderId))
                {
                    throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Order '{order.OrderId}' of member {member} repeats a buyer or an order id of the same sale.", "OrderId");
                }

                var decision = _stream.Decide(StateOf(member), order);
                if (decision.IsRepeat)
                {
                    throw new CommunityException(ErrorCodes.CommunityIdConflict, $"Order '{order.OrderId}' was taken already; a play sale places new orders.", "OrderId");
                }

                decisions.Add(decision);
            }

            if (reward is not null && _commissions is null)
            {
                throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"Reward '{reward.RewardId}' is paid through the commission ledger, and this community has no commissions plugged in.", "Commissions");
            }

            foreach (var decision in decisions)
            {
                draft.Emit(decision.Events);
                foreach (var followUp in decision.FollowUps)
                {
                    Deliver(draft, followUp);
                }
            }

            if (reward is not null)
            {
                draft.Applied(_commissions!.RewardEarned(reward.RewardId, reward.Beneficiary, reward.Amount, reward.Rule, _time.GetUtcNow()));
            }

            DecideCredits(draft, orders[0]);
            foreach (var (e, appliedByPart) in draft.Events)
            {
                Evolve(e, applyToParts: !appliedByPart);
            }

            return new CommunityChange([.. draft.Events.Select(x => x.Event)]);
        }
    }

    /// <summary>The orders a play sold, in the order taken.</summary>
    /// <param name="play">The play's id.</param>
    /// <returns>The orders carrying the play's id.</returns>
    public ImmutableArray<CommunityOrder> OrdersOfPlay(string play)
    {
        ArgumentNullException.ThrowIfNull(play);
        lock (_gate)
        {
            Freeze();
            return [.. _ordersByMember.OrderBy(p => p.Key).SelectMany(p => p.Value).Where(o => o.Play == play).OrderBy(o => o.PaidAt)];
        }
    }
}
