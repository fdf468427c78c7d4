using CommunityModel.Referrals;

namespace CommunityModel.Tests.Referrals;

public class NetworkSnapshotTests
{
    // 1 ─┬─ 2 ─┬─ 4
    //    │     └─ 5 ── 7
    //    └─ 3 ── 6            8 (a second root)
    private static readonly ReferralLink[] Links =
    [
        new(7, 5), new(2, 1), new(3, 1), new(4, 2), new(1, default), new(5, 2), new(6, 3), new(8, default),
    ];

    private readonly NetworkSnapshot _snapshot = NetworkSnapshot.Create(Links);

    [Fact]
    public void Upline_lists_the_sponsors_nearest_first_and_can_stop_at_a_level()
    {
        Assert.Equal([5, 2, 1], _snapshot.Upline(7).Select(m => m.Value));
        Assert.Equal([5, 2], _snapshot.Upline(7, maxLevels: 2).Select(m => m.Value));
        Assert.Empty(_snapshot.Upline(1));
        Assert.Equal(new MemberId(5), _snapshot.SponsorOf(7));
        Assert.True(_snapshot.SponsorOf(8).IsEmpty);
    }

    [Fact]
    public void Depth_direct_referrals_and_downline_follow_the_links()
    {
        Assert.Equal(3, _snapshot.DepthOf(7));
        Assert.Equal(0, _snapshot.DepthOf(8));
        Assert.Equal([2, 3], _snapshot.DirectReferrals(1).Select(m => m.Value));
        Assert.Equal([4, 5], _snapshot.DirectReferrals(2).Select(m => m.Value));
        Assert.Equal([2, 4, 5, 7, 3, 6], _snapshot.Downline(1).Select(m => m.Value));
        Assert.Equal(6, _snapshot.DownlineCountAt(_snapshot.IndexOf(1)));
        Assert.True(_snapshot.IsInDownlineOf(7, 2));
        Assert.False(_snapshot.IsInDownlineOf(6, 2));
        Assert.False(_snapshot.IsInDownlineOf(2, 2));
    }

    [Fact]
    public void Sponsors_always_have_a_lower_index_than_their_referrals()
    {
        for (var i = 0; i < _snapshot.Count; i++)
        {
            Assert.True(_snapshot.ParentAt(i) < i);
            Assert.Equal(_snapshot.DepthAt(i), _snapshot.Upline(_snapshot.MemberAt(i)).Length);
        }
    }

    [Fact]
    public void Lookups_find_every_member_and_only_members()
    {
        Assert.All(Links, l => Assert.Equal(l.Member, _snapshot.MemberAt(_snapshot.IndexOf(l.Member))));
        Assert.False(_snapshot.Contains(99));
        Assert.False(_snapshot.TryGetIndex(default, out var none));
        Assert.Equal(-1, none);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => _snapshot.IndexOf(99)).ErrorCode);
        Assert.Equal(0, NetworkSnapshot.Empty.Count);
        Assert.False(NetworkSnapshot.Empty.Contains(1));
    }

    [Fact]
    public void Malformed_links_are_rejected_with_the_reason()
    {
        Assert.Equal(ErrorCodes.ReferralCycle, Assert.Throws<ReferralException>(() => NetworkSnapshot.Create([new(1, 3), new(2, 1), new(3, 2), new(4, default)])).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralSelfBinding, Assert.Throws<ReferralException>(() => NetworkSnapshot.Create([new(1, 1)])).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => NetworkSnapshot.Create([new(1, 2)])).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralUnknownMember, Assert.Throws<ReferralException>(() => NetworkSnapshot.Create([new(default, default)])).ErrorCode);
        Assert.Equal(ErrorCodes.ReferralDuplicateMember, Assert.Throws<ReferralException>(() => NetworkSnapshot.Create([new(1, default), new(1, default)])).ErrorCode);
    }

    [Fact]
    public void The_links_round_trip_through_the_snapshot()
    {
        var again = NetworkSnapshot.Create(_snapshot.ToLinks().AsSpan());

        Assert.Equal(Links.OrderBy(l => l.Member).ToArray(), again.ToLinks().OrderBy(l => l.Member).ToArray());
    }
}
