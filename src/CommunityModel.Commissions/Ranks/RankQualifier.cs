using System.Collections.Immutable;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Ranks;

/// <summary>
/// Qualifies every member of a network for a rank from the period's volumes, bottom-up in one reverse pass
/// over the snapshot (children before their sponsor): O(n × ranks). Stateless and thread-safe.
/// </summary>
/// <remarks>
/// A member holds the highest rank whose every rule holds: personal volume, team volume, direct referrals,
/// and legs (direct referrals' subtrees) containing a member who holds a given rank or higher. With
/// <see cref="RankRetention.KeepHighestReached"/> it holds the higher of that and last period's rank. With
/// <see cref="SplitOffVolume.Excluded"/>, the team volume tested for rank R leaves out the subtree of every
/// descendant holding R or higher. The rank a member finally holds is what its upline's leg and split-off
/// rules see.
/// </remarks>
public sealed class RankQualifier
{
    /// <summary>Creates a qualifier.</summary>
    /// <param name="ladder">The ranks.</param>
    /// <param name="retention">Whether ranks are recomputed each period or kept once reached.</param>
    /// <param name="splitOff">Whether split-off teams' volume counts toward their origin.</param>
    public RankQualifier(RankLadder ladder, RankRetention retention = RankRetention.RecomputeEachPeriod, SplitOffVolume splitOff = SplitOffVolume.CountsTowardOrigin)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(retention), true, nameof(retention));
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(splitOff), true, nameof(splitOff));
        Ladder = ladder;
        Retention = retention;
        SplitOff = splitOff;
    }

    /// <summary>The ranks.</summary>
    public RankLadder Ladder { get; }

    /// <summary>Whether ranks are recomputed each period or kept once reached.</summary>
    public RankRetention Retention { get; }

    /// <summary>Whether split-off teams' volume counts toward their origin.</summary>
    public SplitOffVolume SplitOff { get; }

    /// <summary>Qualifies every member.</summary>
    /// <param name="volumes">The period's volumes.</param>
    /// <param name="previous">Last period's ranks, read with <see cref="RankRetention.KeepHighestReached"/>; ignored otherwise.</param>
    /// <returns>The ranks held this period.</returns>
    /// <exception cref="CommissionException">The volumes are in another currency than the ladder, or <paramref name="previous"/> describes another network or ladder (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    public MemberRanks Qualify(PeriodVolumes volumes, MemberRanks? previous = null)
    {
        var kept = Check(volumes, previous);
        var network = volumes.Network;
        var n = network.Count;
        var k = Ladder.Count;
        var levels = new byte[n];
        if (k == 0)
        {
            return MemberRanks.Create(network, Ladder, levels);
        }

        var ranks = Ladder.Ranks.AsSpan();
        var needsLegs = false;
        foreach (var rank in ranks)
        {
            needsLegs |= rank.MinQualifiedLegs > 0;
        }

        var direct = new int[n];
        var subtreeMax = new byte[n];
        var legs = needsLegs ? new int[n * k] : null;
        var remaining = SplitOff == SplitOffVolume.Excluded ? new long[n * k] : null;
        for (var i = n - 1; i >= 0; i--)
        {
            var personal = volumes.PersonalMinorAt(i);
            var team = volumes.TeamMinorAt(i);
            var held = 0;
            for (var level = k; level >= 1 && held == 0; level--)
            {
                var rank = ranks[level - 1];
                var teamForRank = remaining is null ? team : remaining[(i * k) + level - 1] + personal;
                if (personal >= (rank.MinPersonalVolume?.MinorUnits ?? 0)
                    && teamForRank >= (rank.MinTeamVolume?.MinorUnits ?? 0)
                    && direct[i] >= rank.MinDirectReferrals
                    && (rank.MinQualifiedLegs == 0 || legs![(i * k) + rank.LegLevel - 1] >= rank.MinQualifiedLegs))
                {
                    held = level;
                }
            }

            if (kept is not null)
            {
                held = Math.Max(held, kept[i]);
            }

            levels[i] = (byte)held;
            var parent = network.ParentAt(i);
            if (parent < 0)
            {
                continue;
            }

            direct[parent]++;
            var inSubtree = Math.Max(held, subtreeMax[i]);
            subtreeMax[parent] = (byte)Math.Max(subtreeMax[parent], inSubtree);
            if (legs is not null)
            {
                for (var level = 1; level <= inSubtree; level++)
                {
                    legs[(parent * k) + level - 1]++;
                }
            }

            if (remaining is not null)
            {
                // This member's team at rank R reaches its sponsor only when it has not split off at R.
                for (var level = held + 1; level <= k; level++)
                {
                    remaining[(parent * k) + level - 1] += remaining[(i * k) + level - 1] + personal;
                }
            }
        }

        return MemberRanks.Create(network, Ladder, levels);
    }

    /// <summary>Explains one member's rank: every rank of the ladder tested against its volumes and downline.</summary>
    /// <param name="volumes">The period's volumes.</param>
    /// <param name="ranks">The ranks <see cref="Qualify"/> gave for the same volumes (its downline's ranks feed the leg and split-off rules).</param>
    /// <param name="member">The member.</param>
    /// <param name="previous">Last period's ranks, as given to <see cref="Qualify"/>.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="CommissionException">The inputs describe different networks or ladders (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public RankQualification Explain(PeriodVolumes volumes, MemberRanks ranks, MemberId member, MemberRanks? previous = null)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var kept = Check(volumes, previous);
        if (ranks.Network != volumes.Network || ranks.Ladder != Ladder)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, "The ranks to explain were qualified over another network or ladder than the volumes and this qualifier.");
        }

        var network = volumes.Network;
        var index = network.IndexOf(member);
        var end = index + network.DownlineCountAt(index);
        var k = Ladder.Count;
        var direct = 0;
        var legsAtLeast = new int[k + 2];
        for (var child = index + 1; child <= end; child += network.DownlineCountAt(child) + 1)
        {
            direct++;
            var highest = 0;
            for (var d = child; d <= child + network.DownlineCountAt(child); d++)
            {
                highest = Math.Max(highest, ranks.LevelAt(d));
            }

            for (var level = 1; level <= highest; level++)
            {
                legsAtLeast[level]++;
            }
        }

        var personal = volumes.PersonalMinorAt(index);
        var assessments = ImmutableArray.CreateBuilder<RankAssessment>(k);
        Rank? qualified = null;
        for (var level = k; level >= 1; level--)
        {
            var rank = Ladder[level];
            var checks = ImmutableArray.CreateBuilder<QualificationCheck>();
            if (rank.MinPersonalVolume is { } minPersonal)
            {
                checks.Add(new(QualificationRule.PersonalVolume, minPersonal.MinorUnits, personal));
            }

            if (rank.MinTeamVolume is { } minTeam)
            {
                checks.Add(new(QualificationRule.TeamVolume, minTeam.MinorUnits, TeamVolumeFor(volumes, ranks, index, level)));
            }

            if (rank.MinDirectReferrals > 0)
            {
                checks.Add(new(QualificationRule.DirectReferrals, rank.MinDirectReferrals, direct));
            }

            if (rank.MinQualifiedLegs > 0)
            {
                checks.Add(new(QualificationRule.QualifiedLegs, rank.MinQualifiedLegs, legsAtLeast[rank.LegLevel], rank.LegRank));
            }

            var assessment = new RankAssessment(rank, checks.DrainToImmutable());
            qualified ??= assessment.Qualified ? rank : null;
            assessments.Add(assessment);
        }

        var held = ranks.RankAt(index);
        var keptFromPrevious = kept is not null && kept[index] > (qualified?.Level ?? 0) && held?.Level == kept[index];
        return new RankQualification(member, held, qualified, keptFromPrevious, assessments.MoveToImmutable());
    }

    private byte[]? Check(PeriodVolumes volumes, MemberRanks? previous)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        if (volumes.Currency != Ladder.Currency)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The volumes are in {volumes.Currency.Code}; the ladder's rules are in {Ladder.Currency.Code}.");
        }

        if (Retention != RankRetention.KeepHighestReached || previous is null)
        {
            return null;
        }

        return previous.Network == volumes.Network && previous.Ladder == Ladder
            ? previous.Levels
            : throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, "Last period's ranks describe another network or ladder; re-map them onto this period's snapshot with MemberRanks.Create.");
    }

    // The team volume tested for a rank: with split-off teams excluded, skip the subtree of every descendant holding the rank or higher.
    private long TeamVolumeFor(PeriodVolumes volumes, MemberRanks ranks, int index, int level)
    {
        if (SplitOff == SplitOffVolume.CountsTowardOrigin)
        {
            return volumes.TeamMinorAt(index);
        }

        var network = volumes.Network;
        var total = volumes.PersonalMinorAt(index);
        var end = index + network.DownlineCountAt(index);
        for (var d = index + 1; d <= end;)
        {
            if (ranks.LevelAt(d) >= level)
            {
                d += network.DownlineCountAt(d) + 1;
                continue;
            }

            total += volumes.PersonalMinorAt(d);
            d++;
        }

        return total;
    }
}
