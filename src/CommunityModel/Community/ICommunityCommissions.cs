using System.Collections.Immutable;
using System.Text.Json;

namespace CommunityModel;

/// <summary>
/// Where commissions plug into the <see cref="Community"/>: the commissions package implements it over its one
/// calculation pipeline and ledger, so the core never depends on that package. The community calls it for every paid
/// order and every refund, after the rest of the command has been decided, and hands it every event on replay.
/// </summary>
public interface ICommunityCommissions
{
    /// <summary>Computes and enters the commission an order earns.</summary>
    /// <param name="order">The order, as the community recorded it.</param>
    /// <param name="community">The community before the order's own events are applied: its network and its members' statuses.</param>
    /// <returns>The events entered (accruals, and reversals of refunds recorded earlier); empty when the order earns nothing.</returns>
    ImmutableArray<IDomainEvent> OrderPaid(CommunityOrder order, Community community);

    /// <summary>Reverses the commission of a refunded order in proportion to the amount refunded.</summary>
    /// <param name="order">The order refunded.</param>
    /// <param name="refundId">The refund id.</param>
    /// <param name="amount">The amount refunded of this order; positive.</param>
    /// <returns>The events entered.</returns>
    ImmutableArray<IDomainEvent> OrderRefunded(CommunityOrder order, string refundId, Money amount);

    /// <summary>
    /// Enters a reward a campaign play pays outside the plan's rules, e.g. the group-buy leader rebate (团长返利), as one
    /// commission line of its own: pending until the ledger's freeze period ends, then withdrawable like any commission.
    /// </summary>
    /// <param name="rewardId">The reward's id, unique in the ledger (its order line).</param>
    /// <param name="beneficiary">Who earns it.</param>
    /// <param name="amount">The reward; positive.</param>
    /// <param name="rule">The rule id the line carries, e.g. <c>groupbuy/leader-rebate</c>.</param>
    /// <param name="earnedAt">When it was earned; the freeze period starts then.</param>
    /// <returns>The events entered.</returns>
    /// <exception cref="CommunityException">These commissions do not pay rewards (<see cref="ErrorCodes.CommunityInvalidCommand"/>).</exception>
    ImmutableArray<IDomainEvent> RewardEarned(string rewardId, MemberId beneficiary, Money amount, string rule, DateTimeOffset earnedAt) =>
        throw new CommunityException(ErrorCodes.CommunityInvalidCommand, $"{GetType().Name} does not pay rewards outside its plan; reward '{rewardId}' of {amount} to member {beneficiary} cannot be entered.", "Commissions");

    /// <summary>Applies a stored event on replay; events it does not keep are ignored.</summary>
    /// <param name="domainEvent">The event.</param>
    void Apply(IDomainEvent domainEvent);

    /// <summary>The commissions' state as JSON, for the community's snapshot (<see cref="Community.ToSnapshot"/>).</summary>
    /// <returns>The state; its shape is the implementation's own.</returns>
    JsonElement ToSnapshot();

    /// <summary>Restores the state written by <see cref="ToSnapshot"/>, after the community's own members are restored.</summary>
    /// <param name="snapshot">The state.</param>
    /// <param name="community">The community, restored up to the same moment.</param>
    void Restore(JsonElement snapshot, Community community);
}
