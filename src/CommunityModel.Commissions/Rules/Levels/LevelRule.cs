using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// Multi-level levels (上下层级激励) as a rule kind: their validation (one to three levels within the plan's depth,
/// rewards, product and tier overrides), their pay step (the <see cref="LevelWalk"/>), their explanation and their
/// share of the base.
/// </summary>
internal static class LevelRule
{
    /// <summary>Adds every rule the levels and their overrides break.</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        void Add(string message) => problems.Add(new(CommissionErrorCodes.InvalidPlan, message));
        var levels = options.Levels ?? [];
        if (levels.Count > CommissionPlan.MaxLevels)
        {
            Add($"Levels has {levels.Count} level(s); a plan pays at most {CommissionPlan.MaxLevels} levels (国家规定层级不能超过3级).");
        }

        if (options.MaxDepth is < 1 or > CommissionPlan.DepthLimit)
        {
            Add($"MaxDepth is {options.MaxDepth}; a plan pays 1 to {CommissionPlan.DepthLimit} generations above the buyer.");
        }
        else if (levels.Count > options.MaxDepth && levels.Count <= CommissionPlan.MaxLevels)
        {
            Add($"Levels has {levels.Count} level(s) but MaxDepth is {options.MaxDepth}; no rule pays deeper than the plan's depth.");
        }

        CheckRewards("Levels", levels, levels.Count, required: true, options.Currency, problems);
        var rateSum = levels.Where(l => l is { FixedAmount: null, Rate: not null }).Aggregate(Rate.Zero, (sum, l) => sum + l.Rate!.Value);
        if (rateSum > Rate.One)
        {
            Add($"Levels pay {rateSum} of the base in total; at most 100% can be paid.");
        }

        foreach (var (kind, overrides) in new[] { ("ProductOverrides", options.ProductOverrides), ("TierOverrides", options.TierOverrides) })
        {
            foreach (var (key, rewards) in overrides ?? new Dictionary<string, IList<CommissionLevelOptions>>())
            {
                if (levels.Count == 0)
                {
                    Add($"{kind}:{key} overrides level rewards but the plan pays no levels.");
                    continue;
                }

                CheckRewards($"{kind}:{key}", rewards ?? [], Math.Min(levels.Count, CommissionPlan.MaxLevels), required: false, options.Currency, problems);
            }
        }
    }

    /// <summary>What each level may pay of the base under a product and a tier override (either may be empty), resolved as an order would be; fixed amounts are not rates and count nothing here.</summary>
    internal static IEnumerable<RateShare> RateShares(CommissionPlanOptions options, IList<CommissionLevelOptions>? product, IList<CommissionLevelOptions>? tier)
    {
        var levels = options.Levels ?? [];
        for (var i = 0; i < levels.Count; i++)
        {
            var reward = Resolve(ToReward(levels[i]), At(product, i), At(tier, i)).Reward;
            if (reward is { FixedAmount: null, Rate: { } rate })
            {
                yield return new RateShare($"level-{i + 1} {rate}", rate);
            }
        }

        static LevelReward? At(IList<CommissionLevelOptions>? rewards, int index) => rewards is not null && index < rewards.Count ? ToReward(rewards[index]) : null;
    }

    /// <summary>The reward of a level for an order: a fixed amount from any source wins over a rate; among equals, product beats tier beats plan.</summary>
    internal static (LevelReward? Reward, RewardSource Source) Resolve(LevelReward? fromPlan, LevelReward? fromProduct, LevelReward? fromTier)
    {
        if (fromProduct is { FixedAmount: not null })
        {
            return (fromProduct, RewardSource.Product);
        }

        if (fromTier is { FixedAmount: not null })
        {
            return (fromTier, RewardSource.LadderTier);
        }

        if (fromPlan?.FixedAmount is not null)
        {
            return (fromPlan, RewardSource.Plan);
        }

        return fromProduct is not null ? (fromProduct, RewardSource.Product)
            : fromTier is not null ? (fromTier, RewardSource.LadderTier)
            : (fromPlan, RewardSource.Plan);
    }

    /// <summary>A level's options as a reward; <see langword="null"/> when it sets neither a rate nor an amount.</summary>
    internal static LevelReward? ToReward(CommissionLevelOptions? level) =>
        level?.FixedAmount is { } amount ? LevelReward.OfFixedAmount(amount)
        : level?.Rate is { } rate ? LevelReward.OfRate(rate)
        : null;

    /// <summary>Pays the schedule's levels, nearest upline first, recording forfeits when asked for.</summary>
    internal static void Pay<TUpline>(ref OrderPayment payment, in TUpline upline)
        where TUpline : struct, IUplineTable
    {
        if (payment.Schedule.Levels.Length == 0)
        {
            return;
        }

        var writer = new LevelLines(payment.Lines[payment.Count..], payment.Forfeited, payment.Base);
        payment.Remaining = LevelWalk.Pay(payment.Schedule, payment.Buyer, payment.Base, upline, ref writer);
        payment.Count += writer.Count;
    }

    /// <summary>A level line explained: the reward after overrides, where it came from, and who was compressed past.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, string orderLineId, in PaidLine line, NetworkSnapshot network, MemberRanks? ranks, RewardSchedule schedule) =>
        RuleLines.Explain(plan, orderLineId, line, network, ranks?.RankAt(line.Beneficiary), schedule.Rewards[line.Ordinal - 1], line.Count == 0 ? [] : network.Upline(network.MemberAt(line.Source), line.Count), null, schedule.Sources[line.Ordinal - 1]);

    private static void CheckRewards(string setting, IList<CommissionLevelOptions> rewards, int maxCount, bool required, Currency currency, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        void Add(string message) => problems.Add(new(CommissionErrorCodes.InvalidPlan, message));
        if (!required && rewards.Count > maxCount)
        {
            Add($"{setting} has {rewards.Count} level(s) but the plan has {maxCount}.");
        }

        for (var i = 0; i < rewards.Count; i++)
        {
            var reward = rewards[i];
            var where = $"{setting}[{i}] (level {i + 1})";
            if (reward is null || (reward.Rate is null && reward.FixedAmount is null))
            {
                if (required)
                {
                    Add($"{where} has neither a Rate nor a FixedAmount.");
                }

                continue;
            }

            if (reward.FixedAmount is { } amount)
            {
                if (amount.IsNegative)
                {
                    Add($"{where} FixedAmount is {amount}; it must be zero or more.");
                }

                if (amount.Currency != currency)
                {
                    Add($"{where} FixedAmount is in {amount.Currency.Code}, the plan in {currency.Code}.");
                }
            }
            else if (reward.Rate is { IsBetweenZeroAndOne: false } rate)
            {
                Add($"{where} Rate is {rate}; it must be between 0% and 100%.");
            }
        }
    }

    /// <summary>Level lines as the step keeps them: into the order's line buffer, forfeits by level when asked for.</summary>
    /// <summary>
    /// Pays the levels of a plan whose only rule they are straight into compact run lines: the span path's shortcut,
    /// the same walk and the same lines as <see cref="Pay"/> followed by the copy into compact form.
    /// </summary>
    internal static int PayCompact<TUpline>(RewardSchedule schedule, int buyer, long baseMinor, in TUpline upline, Span<CommissionRunLine> destination)
        where TUpline : struct, IUplineTable
    {
        var writer = new CompactLines(destination);
        LevelWalk.Pay(schedule, buyer, baseMinor, upline, ref writer);
        return writer.Count;
    }

    /// <summary>Level lines written straight into the compact form the month-end run writes (order number 0).</summary>
    private ref struct CompactLines(Span<CommissionRunLine> lines) : ILevelWriter
    {
        private readonly Span<CommissionRunLine> _lines = lines;

        public int Count { get; private set; }

        public void Paid(int level, int beneficiary, long amount, int below, int compressed) =>
            _lines[Count++] = new CommissionRunLine(0, beneficiary, amount, amount, CommissionRuleKind.Level, (byte)level, false);

        public readonly void Forfeited(int level, int upline, EarnerStatus status)
        {
        }
    }

    private ref struct LevelLines(Span<PaidLine> lines, Span<int> forfeited, long baseMinor) : ILevelWriter
    {
        private readonly Span<PaidLine> _lines = lines;
        private readonly Span<int> _forfeited = forfeited;

        public int Count { get; private set; }

        public void Paid(int level, int beneficiary, long amount, int below, int compressed) =>
            _lines[Count++] = new PaidLine { Beneficiary = beneficiary, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = below, Count = compressed, Kind = CommissionRuleKind.Level, Ordinal = (byte)level };

        public readonly void Forfeited(int level, int upline, EarnerStatus status)
        {
            if (!_forfeited.IsEmpty)
            {
                _forfeited[level - 1] = upline;
            }
        }
    }
}
