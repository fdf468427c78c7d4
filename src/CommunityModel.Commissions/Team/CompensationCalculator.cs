using System.Collections.Immutable;
using CommunityModel.Commissions.Engine;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Team;

/// <summary>
/// The per-order calculator of a combined plan, for the online path: levels, then the rank differential (级差),
/// then the peer bonus (平级奖), then the plan's roles (division → agent → staff), then the per-order cap, every line explained.
/// </summary>
/// <remarks>
/// <para>
/// Differential: walking up from the seller (or its sponsor when the seller's rank does not pay), each upline
/// whose rank's rate r is above the highest rate h already paid below earns <c>R(B·r) − R(B·h)</c>, so the
/// differential lines always total <c>R(B·r_max)</c>: never more than the top rate of the base. Equal or lower
/// rates earn nothing (breakage stays with the company); suspended and inactive members neither earn nor raise h.
/// </para>
/// <para>
/// Peer bonus: above the member holding the current highest rank, each further upline of that same rank earns
/// the peer rate (of the base, or of the holder's differential) for at most N generations; meeting a higher rank
/// makes it the new holder and resets the count. After the top rate the walk only looks for top-rank peers.
/// </para>
/// <para>
/// No line exceeds what is left of the base. When the lines exceed the cap <c>R_down(B·cap)</c>, they are scaled
/// to exactly the cap by largest remainder (weights: the amounts; ties: line order). Stateless and thread-safe;
/// the month-end run uses the same kernel and gives the same lines.
/// </para>
/// </remarks>
public sealed class CompensationCalculator
{
    private const int StackLines = 64;

    /// <summary>Creates a calculator for a plan.</summary>
    /// <param name="plan">The plan.</param>
    public CompensationCalculator(CompensationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
    }

    /// <summary>The plan this calculator pays.</summary>
    public CompensationPlan Plan { get; }

    /// <summary>Computes what the plan pays on an order line; every member counts as active.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="ranks">The ranks held in the order's period, over the network at order time.</param>
    /// <returns>The compensation, every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable (empty id, negative amount, wrong currency, missing cost), or the ranks use another ladder (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCompensation Calculate(CommissionableOrder order, MemberRanks ranks) => Calculate(order, ranks, null);

    /// <summary>Computes what the plan pays on an order line, skipping members the roster says may not earn.</summary>
    /// <param name="order">The order line.</param>
    /// <param name="ranks">The ranks held in the order's period, over the network at order time.</param>
    /// <param name="earners">Every member's status, over the same network; <see langword="null"/> when every member is active.</param>
    /// <returns>The compensation, every line explained.</returns>
    /// <exception cref="CommissionException">The order is unusable, or the ranks or roster describe another ladder or network (<see cref="CommissionErrorCodes.SnapshotMismatch"/>), or the order names a role (<see cref="Calculate(CommissionableOrder, MemberRanks, EarnerRoster?, StaffVolumes?)"/>).</exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCompensation Calculate(CommissionableOrder order, MemberRanks ranks, EarnerRoster? earners) => Calculate(order, ranks, earners, null);

    /// <summary>
    /// Computes what the plan pays on an order line, the plan's roles included: levels, differential, peer bonus, then
    /// each role the order names a holder for, in the plan's order, then the cap over every line.
    /// </summary>
    /// <param name="order">The order line, naming its role holders in <see cref="CommissionableOrder.Roles"/>.</param>
    /// <param name="ranks">The ranks held in the order's period, over the network at order time.</param>
    /// <param name="earners">Every member's status, over the same network; <see langword="null"/> when every member is active. Role holders are not members: statuses do not apply to them.</param>
    /// <param name="staffVolumes">The holders' period volumes, including this order; needed when the order names a holder for a banded role.</param>
    /// <returns>The compensation, every line explained, with the roles left unfilled.</returns>
    /// <exception cref="CommissionException">
    /// The order is unusable; the ranks, roster or volumes describe another ladder, network or plan (<see cref="CommissionErrorCodes.SnapshotMismatch"/>);
    /// the order names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>) or an empty holder; or a banded role has
    /// no volumes, or volumes that do not include the order (<see cref="CommissionErrorCodes.StaffVolumeMissing"/>).
    /// </exception>
    /// <exception cref="ReferralException">The buyer is not in the network.</exception>
    public OrderCompensation Calculate(CommissionableOrder order, MemberRanks ranks, EarnerRoster? earners, StaffVolumes? staffVolumes)
    {
        ArgumentNullException.ThrowIfNull(order);
        CheckInputs(Plan, ranks, earners);
        var plan = Plan;
        var network = ranks.Network;
        var baseMinor = plan.BaseOf(order);
        var buyer = network.IndexOf(order.Buyer);
        var schedule = plan.ScheduleFor(order.ProductId, order.LadderTier, order.Kind);
        var max = plan.Kernel.MaxLines;
        Span<PaidLine> paid = max <= StackLines ? stackalloc PaidLine[max] : new PaidLine[max];
        Span<int> forfeitedAt = stackalloc int[CommissionPlan.MaxLevels];
        forfeitedAt.Fill(-1);
        Span<RoleHolding> holdings = stackalloc RoleHolding[plan.Roles.Length];
        var unfilled = plan.Roles.IsEmpty && order.Roles.Count == 0 ? [] : PlanRoles.Hold(plan, order, baseMinor, schedule.Exclusion is not null, staffVolumes, holdings);
        var count = plan.Kernel.Pay(schedule, buyer, baseMinor, new SnapshotUpline(network, ranks.Levels, earners), paid, forfeitedAt, holdings);
        var forfeited = ImmutableArray.CreateBuilder<ForfeitedLevel>();
        for (var level = 1; level <= forfeitedAt.Length; level++)
        {
            if (forfeitedAt[level - 1] is var upline and >= 0)
            {
                forfeited.Add(new ForfeitedLevel(level, network.MemberAt(upline), earners?.StatusAt(upline) ?? EarnerStatus.None));
            }
        }

        var currency = plan.Currency;
        var lines = new CompensationLine[count];
        long total = 0, uncapped = 0;
        for (var i = 0; i < count; i++)
        {
            lines[i] = paid[i].Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role
                ? ExplainRole(order, paid[i], holdings[paid[i].Ordinal - 1])
                : Explain(order.OrderLineId, paid[i], ranks, schedule);
            total += paid[i].Amount;
            uncapped += paid[i].Uncapped;
        }

        var capped = count > 0 && paid[0].Capped;
        return new OrderCompensation(
            order.OrderLineId,
            order.Buyer,
            plan.Name,
            order.AmountPaid,
            Money.FromMinorUnits(baseMinor, currency),
            ImmutableArray.Create(lines),
            Money.FromMinorUnits(baseMinor - total, currency),
            capped ? Money.FromMinorUnits(total, currency) : null)
        {
            Forfeited = forfeited.ToImmutable(),
            UnfilledRoles = unfilled,
            Exclusion = schedule.Exclusion,
        };
    }

    /// <summary>Checks that ranks, roster and plan describe one network and one ladder.</summary>
    internal static void CheckInputs(CompensationPlan plan, MemberRanks ranks, EarnerRoster? earners)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Ladder != plan.Ladder)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The ranks were qualified on another ladder than plan '{plan.Name}''s; qualify them with the plan's Qualifier or create them over plan.Ladder.");
        }

        if (earners is not null && earners.Network != ranks.Network)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, "The earner roster describes another network snapshot than the ranks.");
        }
    }

    // A role line: the share, or the band reached (whole volume) or the effective rate T / V (marginal), with V and T.
    private CompensationLine ExplainRole(CommissionableOrder order, in PaidLine line, in RoleHolding holding)
    {
        var currency = Plan.Currency;
        var role = Plan.Roles[line.Ordinal - 1];
        var reward = role.Share;
        StaffBand? band = null;
        if (role.Schedule is { } schedule)
        {
            band = schedule.Bands[line.Source];
            reward = LevelReward.OfRate(schedule.Mode == StaffBandMode.WholeVolume ? band.Value.Rate : Rate.FromFraction((decimal)holding.PeriodPay / holding.Volume));
        }

        return new CompensationLine(
            order.OrderLineId,
            role.Rule,
            line.Kind,
            line.Ordinal,
            order.Roles[role.Role],
            null,
            reward!,
            Money.FromMinorUnits(line.Basis, currency),
            Money.FromMinorUnits(line.Amount, currency),
            Money.FromMinorUnits(line.Uncapped, currency),
            line.Capped,
            [],
            null)
        {
            Role = role.Role,
            Band = band,
            PeriodVolume = band is null ? null : Money.FromMinorUnits(holding.Volume, currency),
            PeriodPay = band is null ? null : Money.FromMinorUnits(holding.PeriodPay, currency),
        };
    }

    private CompensationLine Explain(string orderLineId, in PaidLine line, MemberRanks ranks, RewardSchedule schedule)
    {
        var plan = Plan;
        var network = ranks.Network;
        var currency = plan.Currency;
        var rank = ranks.RankAt(line.Beneficiary);
        var (reward, compressed, peerOf) = line.Kind switch
        {
            CommissionRuleKind.Level => (schedule.Rewards[line.Ordinal - 1], line.Count == 0 ? [] : network.Upline(network.MemberAt(line.Source), line.Count), (MemberId?)null),
            CommissionRuleKind.Differential => (LevelReward.OfRate(plan.Ladder[line.Ordinal].DifferentialRate - (line.Source == 0 ? Rate.Zero : plan.Ladder[line.Source].DifferentialRate)), [], null),
            _ => (LevelReward.OfRate(rank!.PeerRate ?? plan.PeerRate), ImmutableArray<MemberId>.Empty, network.MemberAt(line.Source)),
        };

        return new CompensationLine(
            orderLineId,
            plan.RuleId(line.Kind, line.Ordinal),
            line.Kind,
            line.Ordinal,
            network.MemberAt(line.Beneficiary),
            rank,
            reward,
            Money.FromMinorUnits(line.Basis, currency),
            Money.FromMinorUnits(line.Amount, currency),
            Money.FromMinorUnits(line.Uncapped, currency),
            line.Capped,
            compressed,
            peerOf)
        {
            Source = line.Kind == CommissionRuleKind.Level ? schedule.Sources[line.Ordinal - 1] : RewardSource.Plan,
        };
    }
}
