using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The one implementation of the multi-level rules, used by <see cref="CommissionCalculator"/> (explained and
/// span forms) and by the combined plan's kernel (calculator and month-end run): walking up from the buyer's
/// sponsor, an eligible upline takes the next level; no upline more than the plan's depth above the buyer earns (compression included); an ineligible one (suspended, inactive, unqualified, or not a
/// promoter when the plan says so) forfeits its level or is compressed past; a fixed amount wins over a rate (resolved in
/// the <see cref="RewardSchedule"/>); a rate's product is rounded by the plan; no line exceeds what is left.
/// </summary>
/// <remarks>
/// Generic over the upline source and over what receives the results, both structs, so each use is specialised
/// and inlined: an observer that ignores forfeits costs nothing.
/// </remarks>
internal static class LevelWalk
{
    /// <summary>Pays the schedule's levels on one order; the caller has checked the schedule is not an exclusion.</summary>
    /// <param name="schedule">The order's resolved rewards.</param>
    /// <param name="buyer">The buyer's index.</param>
    /// <param name="baseMinor">The base in minor units, zero or more.</param>
    /// <param name="network">Sponsors and statuses.</param>
    /// <param name="writer">Receives each paid level and each forfeited one.</param>
    /// <returns>What is left of the base.</returns>
    internal static long Pay<TUpline, TWriter>(RewardSchedule schedule, int buyer, long baseMinor, in TUpline network, ref TWriter writer)
        where TUpline : struct, IUplineTable
        where TWriter : struct, ILevelWriter, allows ref struct
    {
        var levels = schedule.Levels;
        var rounding = schedule.Rounding;
        var compress = schedule.Compress;
        var earners = schedule.Earners;
        var remaining = baseMinor;
        var upline = network.ParentAt(buyer);
        var below = buyer; // the member whose sponsor is the next upline a level may go to
        var compressed = 0;
        var maxDepth = schedule.MaxDepth;
        var start = 1;
        if (schedule.SelfPurchase && earners.MayEarn(network.StatusAt(buyer)))
        {
            // 自购返佣: an eligible buyer takes level 1 on its own purchase, at depth 0; its sponsor takes level 2.
            upline = buyer;
            start = 0;
        }

        for (int level = 1, depth = start; level <= levels.Length && upline >= 0 && remaining > 0 && depth <= maxDepth; depth++)
        {
            var status = network.StatusAt(upline);
            if (earners.MayEarn(status))
            {
                ref readonly var reward = ref levels[level - 1];
                var amount = Math.Min(remaining, reward.FixedMinorUnits >= 0 ? reward.FixedMinorUnits : reward.Rate.Of(baseMinor, rounding));
                if (amount > 0)
                {
                    writer.Paid(level, upline, amount, below, compressed);
                    remaining -= amount;
                }

                level++;
                below = upline;
                upline = network.ParentAt(upline);
                compressed = 0;
            }
            else if (compress)
            {
                compressed++;
                upline = network.ParentAt(upline);
            }
            else
            {
                writer.Forfeited(level, upline, status);
                level++;
                below = upline;
                upline = network.ParentAt(upline);
            }
        }

        return remaining;
    }
}
