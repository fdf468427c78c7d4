using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The one registration of a plan's rule kinds, in payment order — levels, the rank walk (differential and peer
/// bonus), roles, the cap — and their composition: validation of each kind, each kind's share of the base, the pay
/// steps a plan uses (resolved once, when the plan is created, into a small array the kernel switches over: no virtual
/// call per order) and the explanation of each kind's lines. A new rule kind is a folder under <c>Rules/</c> and its
/// lines here.
/// </summary>
internal sealed class PlanRules
{
    private readonly Step[] _steps;
    private readonly DifferentialRule _ranks;
    private readonly RoleRule _roles;
    private readonly CapRule? _cap;

    internal PlanRules(CommissionPlan plan)
    {
        _ranks = new DifferentialRule(plan);
        _roles = new RoleRule(plan);
        _cap = plan.PayoutCap is { } cap ? new CapRule(cap) : null;
        _steps =
        [
            .. plan.Levels.IsEmpty ? Array.Empty<Step>() : [Step.Levels],
            .. plan.Ladder.Count == 0 ? Array.Empty<Step>() : [Step.Ranks],
            .. plan.Roles.IsEmpty ? Array.Empty<Step>() : [Step.Roles],
            .. _cap is null ? Array.Empty<Step>() : [Step.Cap],
        ];
        MaxLines = plan.Levels.Length + _ranks.MaxLines + _roles.Count;
    }

    /// <summary>A pay step of a plan.</summary>
    private enum Step : byte
    {
        Levels,
        Ranks,
        Roles,
        Cap,
    }

    /// <summary>The most lines one order can produce.</summary>
    internal int MaxLines { get; }

    /// <summary>Whether the plan's only rule is its levels (no ranks, roles or cap): the span path then writes compact lines straight from the level walk.</summary>
    internal bool LevelsOnly => _steps is [Step.Levels];

    /// <summary>The rank walk (differential and peer bonus).</summary>
    internal DifferentialRule Ranks => _ranks;

    /// <summary>Whether every line the plan pays is a rate of the order's base alone: no roles and no cap (levels and the rank walk only).</summary>
    internal bool PaysOnlyLevelsAndRanks => _steps.All(step => step is Step.Levels or Step.Ranks);

    /// <summary>How many roles the plan pays.</summary>
    internal int RoleCount => _roles.Count;

    /// <summary>Adds every rule the options break, kind by kind in payment order, then, when each is valid on its own, the sum of their rates.</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        LevelRule.Validate(options, problems);
        DifferentialRule.Validate(options, problems);
        PeerRule.Validate(options, problems);
        RoleRule.Validate(options, problems);
        CapRule.Validate(options, problems);
        if (problems.Count == 0)
        {
            // A rule already refused (a rate above 100%, levels over the base) is not summed again.
            RateBudget.Validate(options, problems);
        }
    }

    /// <summary>What every kind but the levels may pay of the base (the levels' share depends on an order's overrides).</summary>
    internal static IEnumerable<RateShare> SharesBesideLevels(CommissionPlanOptions options) =>
        [.. DifferentialRule.RateShares(options), .. PeerRule.RateShares(options), .. RoleRule.RateShares(options)];

    /// <summary>Pays one order, step by step in the plan's order.</summary>
    internal void Pay<TUpline>(ref OrderPayment payment, in TUpline upline)
        where TUpline : struct, IUplineTable
    {
        foreach (var step in _steps)
        {
            switch (step)
            {
                case Step.Levels:
                    LevelRule.Pay(ref payment, upline);
                    break;
                case Step.Ranks:
                    _ranks.Pay(ref payment, upline);
                    break;
                case Step.Roles:
                    _roles.Pay(ref payment);
                    break;
                default:
                    _cap!.Apply(ref payment);
                    break;
            }
        }
    }

    /// <summary>Explains a line by its kind.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, CommissionableOrder order, in PaidLine line, NetworkSnapshot network, MemberRanks? ranks, RewardSchedule schedule, ReadOnlySpan<RoleHolding> holdings) => line.Kind switch
    {
        CommissionRuleKind.Level => LevelRule.Explain(plan, order.OrderLineId, line, network, ranks, schedule),
        CommissionRuleKind.Differential => DifferentialRule.Explain(plan, order.OrderLineId, line, network, ranks),
        CommissionRuleKind.Peer => PeerRule.Explain(plan, order.OrderLineId, line, network, ranks),
        _ => RoleRule.Explain(plan, order, line, holdings[line.Ordinal - 1]),
    };
}
