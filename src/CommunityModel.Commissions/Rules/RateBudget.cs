using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The sum of every rule's rates, checked when a plan is created: for the plan and for each product override, tier
/// override and product × tier pair (resolved level by level as an order would be), the level rates + the top rank's
/// differential rate + the peer bonus (its highest rate × generations; of the downline differential, that rate of
/// the top rate) + the roles given as rates (a banded role's highest band) must not exceed 100% of the base — unless
/// the plan has a payout cap, which then bounds what an order pays. Fixed amounts are not rates: the cap and the
/// compliance linter bound them.
/// </summary>
internal static class RateBudget
{
    /// <summary>Adds one problem (<see cref="CommissionErrorCodes.RatesExceedBase"/>) per plan, override or pair whose rates exceed the base, naming each rule and its rate.</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        if (options.PayoutCap is not null)
        {
            return;
        }

        var others = PlanRules.SharesBesideLevels(options).ToArray();
        var products = options.ProductOverrides ?? new Dictionary<string, IList<CommissionLevelOptions>>();
        var tiers = options.TierOverrides ?? new Dictionary<string, IList<CommissionLevelOptions>>();
        Check("The plan", null, null);
        var productsWithin = products.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => Check($"ProductOverrides:{p.Key}", p.Value, null)).ToArray();
        var tiersWithin = tiers.OrderBy(p => p.Key, StringComparer.Ordinal).Where(t => Check($"TierOverrides:{t.Key}", null, t.Value)).ToArray();

        // A pair is reported only when neither override is over on its own: an order of both resolves level by level.
        foreach (var (product, productRewards) in productsWithin)
        {
            foreach (var (tier, tierRewards) in tiersWithin)
            {
                Check($"ProductOverrides:{product} × TierOverrides:{tier}", productRewards, tierRewards);
            }
        }

        bool Check(string where, IList<CommissionLevelOptions>? product, IList<CommissionLevelOptions>? tier)
        {
            RateShare[] shares = [.. LevelRule.RateShares(options, product, tier), .. others];
            var total = shares.Aggregate(Rate.Zero, (sum, share) => sum + share.Rate);
            if (total > Rate.One)
            {
                problems.Add(new(
                    CommissionErrorCodes.RatesExceedBase,
                    $"{where} pays up to {total} of the base under its rules ({string.Join(" + ", shares.Select(s => s.Rule))}), more than 100%: lower these rates or set a PayoutCap."));
                return false;
            }

            return true;
        }
    }
}
