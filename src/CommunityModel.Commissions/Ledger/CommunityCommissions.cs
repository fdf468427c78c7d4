using System.Collections.Immutable;
using System.Text.Json;
using CommunityModel.Commissions.Persistence;
using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// The commissions of a <see cref="Community"/>: every paid order goes through the plan's one pipeline
/// (<see cref="CommissionCalculator"/>) and is entered in the <see cref="CommissionLedger"/>; every refund reverses it in
/// proportion. Each order is converted by <see cref="CommunityRoleMap.CommissionableOrderOf"/>: its kind (the play's kind, or
/// <see cref="OrderKind"/>, e.g. <c>PromoterRights</c>) is the commissionable order's <see cref="CommissionableOrder.Kind"/>,
/// so a plan may exclude kinds, and its roles pay the plan's roles. The roster follows the community's events: promoters (gift pack, qualified tiers, partner package,
/// spending) may earn under a promoters-only plan, and suspended or removed members earn nothing.
/// </summary>
/// <remarks>
/// Registered by <c>AddCommissions</c> as the community's <see cref="ICommunityCommissions"/>, over the registered
/// calculator and ledger. Not thread-safe on its own: the community calls it under its lock.
/// </remarks>
public sealed class CommunityCommissions : ICommunityCommissions
{
    private readonly Dictionary<MemberId, EarnerStatus> _statuses = [];
    private NetworkSnapshot? _rosterNetwork;
    private EarnerRoster? _roster;

    /// <summary>Creates the commissions of one community.</summary>
    /// <param name="calculator">The plan's calculator.</param>
    /// <param name="ledger">The ledger the commissions are entered in; balances and withdrawals are read from it.</param>
    public CommunityCommissions(CommissionCalculator calculator, CommissionLedger ledger)
        : this(calculator, ledger, CommunityRoleMap.None)
    {
    }

    /// <summary>Creates the commissions of one community whose orders' roles (the buyer's care team) pay the plan's roles.</summary>
    /// <param name="calculator">The plan's calculator.</param>
    /// <param name="ledger">The ledger the commissions are entered in.</param>
    /// <param name="roles">Which plan role each community order role pays, checked against the plan (<see cref="CommunityRoleMap.Create"/>).</param>
    public CommunityCommissions(CommissionCalculator calculator, CommissionLedger ledger, CommunityRoleMap roles)
    {
        Calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));
        Ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        Roles = roles ?? throw new ArgumentNullException(nameof(roles));
    }

    /// <summary>Which plan role each community order role pays.</summary>
    public CommunityRoleMap Roles { get; }

    /// <summary>The plan's calculator.</summary>
    public CommissionCalculator Calculator { get; }

    /// <summary>The ledger: balances, entries and withdrawals. After <see cref="Restore"/> it is the restored ledger.</summary>
    public CommissionLedger Ledger { get; private set; }

    /// <summary>A member's status for the roster, as the community's events left it.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The status; <see cref="EarnerStatus.None"/> for an ordinary active member.</returns>
    public EarnerStatus StatusOf(MemberId member) => _statuses.GetValueOrDefault(member);

    /// <inheritdoc/>
    public ImmutableArray<IDomainEvent> OrderPaid(CommunityOrder order, Community community)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(community);
        var line = Roles.CommissionableOrderOf(order);
        var commission = Calculator.Calculate(line, RosterOver(community.Network()));
        return Ledger.Accrue(commission, order.PaidAt);
    }

    /// <inheritdoc/>
    /// <exception cref="CommissionException">The reward is not positive, or its id is an order line accrued with another result.</exception>
    public ImmutableArray<IDomainEvent> RewardEarned(string rewardId, MemberId beneficiary, Money amount, string rule, DateTimeOffset earnedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rewardId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        Ledger.CheckCurrency(amount.Currency, "enter a reward");
        if (!amount.IsPositive)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Reward '{rewardId}' of {amount} to member {beneficiary} is not positive.");
        }

        return Ledger.AccrueOrderLine(rewardId, amount.MinorUnits, earnedAt, [new AccrualLine(new CommissionKey(rewardId, beneficiary, rule), 0, amount.MinorUnits)]);
    }

    /// <inheritdoc/>
    public ImmutableArray<IDomainEvent> OrderRefunded(CommunityOrder order, string refundId, Money amount)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Ledger.Refund(order.OrderId, refundId, amount).Events;
    }

    /// <inheritdoc/>
    public void Apply(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent)
        {
            case MemberTransitioned t:
                Set(t.Member, EarnerStatus.Suspended, t.To is LifecycleStage.Suspended or LifecycleStage.Removed);
                break;
            case PromoterRightsGranted g:
                Set(g.MemberId, EarnerStatus.Promoter, true);
                break;
            case PromoterQualified q:
                Set(q.Member, EarnerStatus.Promoter, true);
                break;
            case PromoterRightsRevoked r:
                Set(r.MemberId, EarnerStatus.Promoter, false);
                break;
            case PromoterRevoked r:
                Set(r.Member, EarnerStatus.Promoter, false);
                break;
            default:
                Ledger.Apply(domainEvent);
                break;
        }
    }

    /// <inheritdoc/>
    public JsonElement ToSnapshot() => JsonSerializer.SerializeToElement(Ledger.ToSnapshot(), CommissionsJsonContext.Default.LedgerSnapshot);

    /// <inheritdoc/>
    /// <exception cref="CommissionException">The ledger snapshot is invalid or in another currency (<see cref="CommissionErrorCodes.InvalidLedgerSnapshot"/>).</exception>
    public void Restore(JsonElement snapshot, Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        var ledger = snapshot.Deserialize(CommissionsJsonContext.Default.LedgerSnapshot)
            ?? throw new CommissionException(CommissionErrorCodes.InvalidLedgerSnapshot, "The commissions snapshot holds no ledger.");
        Ledger = CommissionLedger.Restore(ledger, Ledger.Options, Ledger.Clock);
        _statuses.Clear();
        foreach (var member in community.Members)
        {
            var status = (member.IsPromoter ? EarnerStatus.Promoter : EarnerStatus.None) | (member.IsHeld ? EarnerStatus.Suspended : EarnerStatus.None);
            if (status != EarnerStatus.None)
            {
                _statuses[member.Id] = status;
            }
        }

        _roster = null;
    }

    private void Set(MemberId member, EarnerStatus flag, bool on)
    {
        var before = _statuses.GetValueOrDefault(member);
        var after = on ? before | flag : before & ~flag;
        if (after == before)
        {
            return;
        }

        if (after == EarnerStatus.None)
        {
            _statuses.Remove(member);
        }
        else
        {
            _statuses[member] = after;
        }

        _roster = null;
    }

    // The roster is rebuilt only when the network or a status changed since the last order.
    private EarnerRoster RosterOver(NetworkSnapshot network)
    {
        if (_roster is null || !ReferenceEquals(_rosterNetwork, network))
        {
            _roster = EarnerRoster.Create(network, _statuses.Where(s => network.Contains(s.Key)));
            _rosterNetwork = network;
        }

        return _roster;
    }
}
