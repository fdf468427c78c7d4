using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// What a month-end run's compact lines refer to, handed to its sink before the first block
/// (<see cref="ICommissionRunSink.Begin"/>): the plan, the ranks and network, the holder table and the orders by number.
/// It joins a <see cref="CommissionRunLine"/> back to the order line, rule and beneficiary it stands for, and resolves it
/// into the <see cref="CommissionLine"/> the calculator writes (<see cref="Resolve"/>). Immutable; valid after the run too.
/// </summary>
public sealed class CommissionRunContext
{
    private readonly OrderBatch _batch;
    private readonly string[]? _orderLineIds;
    private readonly IReadOnlyList<CommissionableOrder>? _orders;
    private readonly int[]? _positions;

    internal CommissionRunContext(CommissionPlan plan, MemberRanks ranks, OrderBatch batch, ImmutableArray<MemberId> holders, string[]? orderLineIds, IReadOnlyList<CommissionableOrder>? orders, int[]? positions)
    {
        Plan = plan;
        Ranks = ranks;
        _batch = batch;
        Holders = holders;
        _orderLineIds = orderLineIds;
        _orders = orders;
        _positions = positions;
    }

    /// <summary>The plan paid.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>The ranks the run pays with; their <see cref="MemberRanks.Network"/> is the snapshot the lines' member indices refer to.</summary>
    public MemberRanks Ranks { get; }

    /// <summary>The network snapshot the lines' member indices refer to.</summary>
    public NetworkSnapshot Network => Ranks.Network;

    /// <summary>The holder table the beneficiary indices of Staff and Role lines refer to (<see cref="CommissionRunResult.Holders"/>).</summary>
    public ImmutableArray<MemberId> Holders { get; }

    /// <summary>The number of orders in the run.</summary>
    public int OrderCount => _batch.Count;

    /// <summary>Whether the run knows its orders (<see cref="CommissionRun.Execute"/>); a run over an <see cref="OrderBatch"/> knows only their numbers.</summary>
    public bool HasOrders => _orders is not null;

    /// <summary>The order line id of an order number; <see langword="null"/> for a run over an <see cref="OrderBatch"/>.</summary>
    /// <param name="order">An order number from a <see cref="CommissionRunLine"/>.</param>
    /// <returns>The id, or <see langword="null"/>.</returns>
    public string? OrderLineIdAt(int order) => _orderLineIds?[order];

    /// <summary>The order as the run was given it (its amount paid, its paid time); <see langword="null"/> for a run over an <see cref="OrderBatch"/>.</summary>
    /// <param name="order">An order number from a <see cref="CommissionRunLine"/>.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    public CommissionableOrder? OrderAt(int order) => _orders?[_positions![order]];

    /// <summary>The commissionable base of an order number.</summary>
    /// <param name="order">An order number from a <see cref="CommissionRunLine"/>.</param>
    /// <returns>The base.</returns>
    public Money BaseAt(int order) => Money.FromMinorUnits(_batch.BaseMinorUnits.Span[order], Plan.Currency);

    /// <summary>Who earns a line: a member of the network, or for a Staff or Role line a holder of <see cref="Holders"/>.</summary>
    /// <param name="line">A line of this run.</param>
    /// <returns>The beneficiary.</returns>
    public MemberId BeneficiaryOf(in CommissionRunLine line) =>
        line.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role ? Holders[line.Beneficiary] : Network.MemberAt(line.Beneficiary);

    /// <summary>The rule id of a line (<see cref="CommissionPlan.RuleId"/>).</summary>
    /// <param name="line">A line of this run.</param>
    /// <returns>The rule id.</returns>
    public string RuleOf(in CommissionRunLine line) => Plan.RuleId(line.Kind, line.Ordinal);

    /// <summary>
    /// The line as the calculator writes it: order line, rule, kind, ordinal, beneficiary, rank, amount, uncapped amount
    /// and whether the cap bound are exact. The explanation is shorter than the calculator's: <see cref="CommissionLine.Basis"/>
    /// is the order's base; <see cref="CommissionLine.Reward"/> is the level's reward for a level line, the role's share for
    /// a role line, and otherwise the effective rate of the uncapped amount on the base; nobody compressed past, no peer named.
    /// Explain an order in full with <see cref="CommissionCalculator"/> over <see cref="Ranks"/>.
    /// </summary>
    /// <param name="line">A line of this run.</param>
    /// <returns>The line.</returns>
    /// <exception cref="CommissionException">The run was over an <see cref="OrderBatch"/>, which has no order line ids (<see cref="CommissionErrorCodes.InvalidRequest"/>).</exception>
    public CommissionLine Resolve(in CommissionRunLine line)
    {
        var orderLineId = OrderLineIdAt(line.Order)
            ?? throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order {line.Order} of a run over an order batch has no order line id; resolve lines of a run given its orders (Execute).");
        var currency = Plan.Currency;
        var baseMinor = _batch.BaseMinorUnits.Span[line.Order];
        var role = line.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role ? Plan.Roles[line.Ordinal - 1] : null;
        var schedules = _batch.Schedules.Span;
        var reward = line.Kind == CommissionRuleKind.Level
            ? ((schedules.IsEmpty ? null : schedules[line.Order]) ?? Plan.Kernel.Standard).Rewards[line.Ordinal - 1]
            : role?.Share ?? LevelReward.OfRate(baseMinor == 0 ? Rate.Zero : Rate.FromFraction((decimal)line.UncappedAmount / baseMinor));
        return new CommissionLine(
            orderLineId,
            RuleOf(line),
            line.Kind,
            line.Ordinal,
            BeneficiaryOf(line),
            role is null ? Ranks.RankAt(line.Beneficiary) : null,
            reward,
            Money.FromMinorUnits(baseMinor, currency),
            Money.FromMinorUnits(line.Amount, currency),
            Money.FromMinorUnits(line.UncappedAmount, currency),
            line.Capped,
            [],
            null)
        {
            Role = role?.Role,
        };
    }
}
