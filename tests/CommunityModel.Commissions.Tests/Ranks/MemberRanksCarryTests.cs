using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Tests.Generators;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Ranks;

public class MemberRanksCarryTests
{
    private static readonly RankLadder Ladder = TeamFixtures.ThreeRanks();

    [Fact]
    public void Ranks_carried_to_a_larger_snapshot_keep_every_members_rank_and_newcomers_hold_none()
    {
        var march = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 1)]);
        // April: member 7 joined under 2, member 8 under 7; the snapshot's dense order changes (2's subtree grew).
        var april = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 1), new(7, 2), new(8, 7)]);
        var ranks = MemberRanks.Create(march, Ladder, [KeyValuePair.Create(new MemberId(1), Ladder[2].Code), KeyValuePair.Create(new MemberId(3), Ladder[1].Code)]);

        var carried = ranks.CarryTo(april);

        Assert.Same(april, carried.Network);
        Assert.Same(Ladder, carried.Ladder);
        Assert.Equal([Ladder[2], null, Ladder[1], null, null], new long[] { 1, 2, 3, 7, 8 }.Select(m => carried.RankOf(m)));
        Assert.Equal([3, 1, 1, 0], carried.CountByLevel().ToArray());
        Assert.Same(ranks, ranks.CarryTo(march));
    }

    [Fact]
    public void A_member_missing_from_the_snapshot_the_ranks_are_carried_to_is_a_typed_error()
    {
        var march = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 1)]);
        var other = NetworkSnapshot.Create([new(1, default), new(3, 1), new(4, 3)]);
        var ranks = MemberRanks.Create(march, Ladder, [KeyValuePair.Create(new MemberId(2), Ladder[1].Code)]);

        var error = Assert.Throws<CommissionException>(() => ranks.CarryTo(other));

        Assert.Equal(CommissionErrorCodes.SnapshotMismatch, error.ErrorCode);
        Assert.StartsWith("Member 2, who holds rank", error.Message, StringComparison.Ordinal);
    }
}
