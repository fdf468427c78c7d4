using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Compliance;

/// <summary>
/// The size of one organisation, as the 2013 criminal threshold counts it
/// (《关于办理组织领导传销活动刑事案件适用法律若干问题的意见》: 30 participants or more in 3 levels or more, counting the organiser):
/// its organiser, how many take part, organiser included, and how many levels deep it reaches, the organiser being level 1.
/// Measure a network with <see cref="OfNetwork"/> or a finished run with <see cref="OfRun"/>, and check the result with
/// <see cref="ComplianceLinter.CheckOrganisations(IEnumerable{OrganisationScale}, ComplianceProfile)"/>.
/// </summary>
/// <param name="Organiser">The member at the top of the organisation.</param>
/// <param name="Participants">The members taking part, the organiser included.</param>
/// <param name="Levels">The depth of the deepest chain, the organiser being level 1, its referrals level 2, and so on.</param>
public sealed record OrganisationScale(MemberId Organiser, int Participants, int Levels)
{
    /// <summary>
    /// The organisations of a network: each root (a member without a sponsor) organises its whole tree. Participants are
    /// the root and its whole downline; levels are the root at level 1 down to its deepest member (a root with referrals
    /// and their referrals has 3 levels).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <returns>One organisation per root, in the network's order.</returns>
    public static ImmutableArray<OrganisationScale> OfNetwork(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var deepest = new int[network.Count];
        var rootOf = new int[network.Count];
        var roots = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < network.Count; i++)
        {
            // In pre-order a sponsor's index is below its referrals'.
            var parent = network.ParentAt(i);
            rootOf[i] = parent < 0 ? i : rootOf[parent];
            if (parent < 0)
            {
                roots.Add(i);
            }

            deepest[rootOf[i]] = Math.Max(deepest[rootOf[i]], network.DepthAt(i) - network.DepthAt(rootOf[i]));
        }

        return [.. roots.Select(r => new OrganisationScale(network.MemberAt(r), network.DownlineCountAt(r) + 1, deepest[r] + 1))];
    }

    /// <summary>
    /// The organisations of a finished run: only members who took part in the run's pay count. A participant is a member
    /// paid a distributor line (level, differential or peer bonus; role and staff lines pay employees and do not count)
    /// or a buyer whose order paid such a line to someone. Participants linked by pay (an earner and the buyer whose sale paid
    /// it) form one organisation; its organiser is its topmost participant (the shallowest in the network, then the first).
    /// A participant's level is 1 when no one was paid on its sales; otherwise the highest, over the members paid on its
    /// sales, of their level plus the generations between them — a chain of pay counts every generation it spans, the
    /// members between included, as the recruitment it rests on does.
    /// </summary>
    /// <param name="network">The network the run paid over.</param>
    /// <param name="run">The run's results, e.g. <see cref="CommissionCalculator"/>'s for each order of the period.</param>
    /// <returns>One organisation per set of participants linked by pay, by organiser in the network's order.</returns>
    /// <exception cref="ReferralException">A buyer or an earner is not in the network.</exception>
    public static ImmutableArray<OrganisationScale> OfRun(NetworkSnapshot network, IEnumerable<OrderCommission> run)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(run);
        var level = new int[network.Count]; // 0: not a participant
        var group = new int[network.Count];
        for (var i = 0; i < group.Length; i++)
        {
            group[i] = i;
        }

        var paidOn = new List<(int Buyer, int Earner)>();
        foreach (var order in run)
        {
            ArgumentNullException.ThrowIfNull(order, nameof(run));
            var buyer = network.IndexOf(order.Buyer);
            foreach (var line in order.Lines)
            {
                if (line.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role || !line.Amount.IsPositive)
                {
                    continue;
                }

                var earner = network.IndexOf(line.Beneficiary);
                level[earner] = level[buyer] = 1;
                if (earner != buyer)
                {
                    paidOn.Add((buyer, earner));
                    group[Find(group, buyer)] = Find(group, earner);
                }
            }
        }

        // Earners sit above their buyers, so in index order every earner's level is final before its buyers'.
        paidOn.Sort();
        foreach (var (buyer, earner) in paidOn)
        {
            level[buyer] = Math.Max(level[buyer], level[earner] + network.DepthAt(buyer) - network.DepthAt(earner));
        }

        var organisations = new SortedDictionary<int, (int Organiser, int Participants, int Levels)>();
        for (var i = 0; i < level.Length; i++)
        {
            if (level[i] == 0)
            {
                continue;
            }

            var g = Find(group, i);
            var (organiser, participants, levels) = organisations.GetValueOrDefault(g, (i, 0, 0));
            if (network.DepthAt(i) < network.DepthAt(organiser))
            {
                organiser = i;
            }

            organisations[g] = (organiser, participants + 1, Math.Max(levels, level[i]));
        }

        return [.. organisations.Values.OrderBy(o => o.Organiser).Select(o => new OrganisationScale(network.MemberAt(o.Organiser), o.Participants, o.Levels))];
    }

    private static int Find(int[] group, int i)
    {
        while (group[i] != i)
        {
            group[i] = group[group[i]];
            i = group[i];
        }

        return i;
    }
}
