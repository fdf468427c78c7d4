using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Ranks;

public class RankQualifierTests
{
    private static readonly PeriodVolumes Volumes = PeriodVolumes.FromEntries(TeamFixtures.SixMembers, Currency.CNY, TeamFixtures.SixMembersSales);

    private static string[] Codes(MemberRanks ranks) => [.. Enumerable.Range(1, 6).Select(m => ranks.RankOf(m)?.Code ?? "-")];

    [Fact]
    public void Each_member_holds_the_highest_rank_whose_every_rule_holds()
    {
        var ranks = new RankQualifier(TeamFixtures.ThreeRanks()).Qualify(Volumes);

        // 6 and 4 sell enough for R1; 3 (team 4,500) and 2 (team 5,000) have referrals for R2; 1 has a team of 10,500
        // and two legs holding R1 or higher for R3; 5 sold nothing net.
        Assert.Equal(["R3", "R2", "R2", "R1", "-", "R1"], Codes(ranks));
        Assert.Equal<int>([1, 2, 2, 1], ranks.CountByLevel());
    }

    [Fact]
    public void The_explanation_lists_every_rank_highest_first_with_each_rule_required_actual_and_held()
    {
        var qualifier = new RankQualifier(TeamFixtures.ThreeRanks());
        var ranks = qualifier.Qualify(Volumes);

        var why = qualifier.Explain(Volumes, ranks, 3);

        Assert.Equal("R2", why.Held?.Code);
        Assert.Equal("R2", why.Qualified?.Code);
        Assert.False(why.KeptFromPrevious);
        Assert.Equal(["R3", "R2", "R1"], why.Assessments.Select(a => a.Rank.Code));
        Assert.Equal<QualificationCheck>(
            [new(QualificationRule.TeamVolume, 1_000_000, 450_000), new(QualificationRule.QualifiedLegs, 2, 1, "R1")],
            why.Assessments[0].Checks);
        Assert.Equal<QualificationCheck>(
            [new(QualificationRule.TeamVolume, 400_000, 450_000), new(QualificationRule.DirectReferrals, 1, 1)],
            why.Assessments[1].Checks);
        Assert.False(why.Assessments[2].Qualified); // personal 500 of 1,000
        Assert.Equal("PersonalVolume: 50000 of 100000 failed", why.Assessments[2].Checks[0].ToString());
        Assert.Equal("QualifiedLegs (R1+): 1 of 2 failed", why.Assessments[0].Checks[1].ToString());
    }

    [Fact]
    public void Keeping_the_highest_rank_reached_holds_last_periods_rank_and_says_so()
    {
        var qualifier = new RankQualifier(TeamFixtures.ThreeRanks(), RankRetention.KeepHighestReached);
        var last = MemberRanks.Create(TeamFixtures.SixMembers, qualifier.Ladder, [KeyValuePair.Create(new MemberId(5), "R3"), KeyValuePair.Create(new MemberId(4), "R1")]);

        var ranks = qualifier.Qualify(Volumes, last);
        var why = qualifier.Explain(Volumes, ranks, 5, last);

        Assert.Equal(["R3", "R2", "R2", "R1", "R3", "R1"], Codes(ranks));
        Assert.Equal(("R3", (string?)null, true), (why.Held?.Code, why.Qualified?.Code, why.KeptFromPrevious));
        Assert.Null(new RankQualifier(qualifier.Ladder).Qualify(Volumes, last).RankOf(5)); // recomputing ignores last period
    }

    [Fact]
    public void A_team_split_off_at_a_rank_no_longer_counts_toward_its_origin_for_that_rank_when_excluded()
    {
        // A (1,000) ── B (8,000) ── C (0): B holds R2 with its own team; with split-off volume excluded, A's R2 team is only A's 1,000.
        var network = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2)]);
        var volumes = PeriodVolumes.FromEntries(network, Currency.CNY, [VolumeEntry.Sale(1, Money.Cny(1000m)), VolumeEntry.Sale(2, Money.Cny(8000m))]);

        var counted = new RankQualifier(TeamFixtures.ThreeRanks()).Qualify(volumes);
        var excluded = new RankQualifier(TeamFixtures.ThreeRanks(), splitOff: SplitOffVolume.Excluded);
        var split = excluded.Qualify(volumes);

        Assert.Equal(("R2", "R2"), (counted.RankOf(1)?.Code, counted.RankOf(2)?.Code));
        Assert.Equal(("R1", "R2"), (split.RankOf(1)?.Code, split.RankOf(2)?.Code));
        var r2 = excluded.Explain(volumes, split, 1).Assessments.Single(a => a.Rank.Code == "R2");
        Assert.Equal(new QualificationCheck(QualificationRule.TeamVolume, 400_000, 100_000), r2.Checks[0]);
    }

    [Fact]
    public void Mismatched_inputs_are_refused_with_a_snapshot_mismatch()
    {
        var qualifier = new RankQualifier(TeamFixtures.ThreeRanks(), RankRetention.KeepHighestReached);
        var usd = PeriodVolumes.Create(TeamFixtures.SixMembers, Currency.USD, new long[6]);
        var otherLadder = MemberRanks.None(TeamFixtures.SixMembers, TeamFixtures.FourRanks());

        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, Assert.Throws<CommissionException>(() => qualifier.Qualify(usd)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, Assert.Throws<CommissionException>(() => qualifier.Qualify(Volumes, otherLadder)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, Assert.Throws<CommissionException>(() => qualifier.Explain(Volumes, otherLadder, 1)).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRank, Assert.Throws<CommissionException>(() => MemberRanks.Create(TeamFixtures.SixMembers, qualifier.Ladder, [0, 0, 0, 4, 0, 0])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidRank, Assert.Throws<CommissionException>(() => MemberRanks.Create(TeamFixtures.SixMembers, qualifier.Ladder, [KeyValuePair.Create(new MemberId(1), "R9")])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, Assert.Throws<CommissionException>(() => MemberRanks.Create(TeamFixtures.SixMembers, qualifier.Ladder, [0, 0])).ErrorCode);
    }

    [Property(MaxTest = 1000)]
    public Property The_one_pass_qualification_equals_each_members_own_explanation_for_both_split_off_options() =>
        Prop.ForAll(TeamGenerators.Volumes.ToArbitrary(), TeamGenerators.Ladder.ToArbitrary(), Gen.Elements(SplitOffVolume.CountsTowardOrigin, SplitOffVolume.Excluded).ToArbitrary(), (volumes, ladder, splitOff) =>
        {
            var qualifier = new RankQualifier(ladder, splitOff: splitOff);
            var ranks = qualifier.Qualify(volumes);
            return Enumerable.Range(0, volumes.Network.Count).All(i =>
            {
                var why = qualifier.Explain(volumes, ranks, volumes.Network.MemberAt(i));
                return why.Held == why.Qualified && (why.Held?.Level ?? 0) == ranks.LevelAt(i)
                    && why.Assessments.FirstOrDefault(a => a.Qualified)?.Rank == why.Held;
            });
        });

    [Property(MaxTest = 1000)]
    public Property Keeping_the_highest_rank_never_lowers_a_rank_and_never_lowers_anyone_below_recomputing() =>
        Prop.ForAll(TeamGenerators.Volumes.ToArbitrary(), TeamGenerators.Ladder.ToArbitrary(), (volumes, ladder) =>
        {
            var keep = new RankQualifier(ladder, RankRetention.KeepHighestReached);
            var previous = new RankQualifier(ladder).Qualify(PeriodVolumes.Create(volumes.Network, Currency.CNY, [.. Enumerable.Range(0, volumes.Network.Count).Select(i => volumes.PersonalAt(i).MinorUnits * 2)]));
            var recomputed = new RankQualifier(ladder).Qualify(volumes);
            var kept = keep.Qualify(volumes, previous);
            return Enumerable.Range(0, volumes.Network.Count).All(i => kept.LevelAt(i) >= previous.LevelAt(i) && kept.LevelAt(i) >= recomputed.LevelAt(i));
        });
}
