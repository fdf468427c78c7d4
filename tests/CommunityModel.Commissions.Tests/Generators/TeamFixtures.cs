using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Generators;

/// <summary>Small worked networks and ladders shared by the volume, rank and team tests.</summary>
public static class TeamFixtures
{
    //  1 ─┬─ 2 ─┬─ 4
    //     │     └─ 5
    //     └─ 3 ─── 6
    public static readonly NetworkSnapshot SixMembers = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 1), new(4, 2), new(5, 2), new(6, 3)]);

    public static readonly VolumeEntry[] SixMembersSales =
    [
        VolumeEntry.Sale(1, Money.Cny(1000m)), VolumeEntry.Sale(2, Money.Cny(2000m)), VolumeEntry.Sale(3, Money.Cny(500m)),
        VolumeEntry.Sale(4, Money.Cny(3000m)), VolumeEntry.Sale(5, Money.Cny(1000m)), VolumeEntry.Sale(6, Money.Cny(4000m)),
        VolumeEntry.Refund(5, Money.Cny(1500m)),
    ];

    /// <summary>R1 5%: personal ≥ 1,000. R2 10%: team ≥ 4,000 and a direct referral. R3 15%: team ≥ 10,000 and two legs holding R1 or higher.</summary>
    public static RankLadder ThreeRanks() => RankLadder.Create(
        Currency.CNY,
        new RankOptions { Code = "R1", Name = "Leader", DifferentialRate = Rate.FromPercent(5), MinPersonalVolume = Money.Cny(1000m) },
        new RankOptions { Code = "R2", DifferentialRate = Rate.FromPercent(10), MinTeamVolume = Money.Cny(4000m), MinDirectReferrals = 1 },
        new RankOptions { Code = "R3", DifferentialRate = Rate.FromPercent(15), MinTeamVolume = Money.Cny(10_000m), MinQualifiedLegs = 2, LegRank = "R1" });

    /// <summary>The benchmark's four ranks: 5%, 10%, 15%, 20%, no rules (ranks are given, not qualified).</summary>
    public static RankLadder FourRanks() => RankLadder.Create(
        Currency.CNY,
        [.. new[] { 5, 10, 15, 20 }.Select((percent, i) => new RankOptions { Code = $"R{i + 1}", DifferentialRate = Rate.FromPercent(percent) })]);
}
