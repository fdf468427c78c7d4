using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Commissions.Tests.Generators;

public static class TeamGenerators
{
    /// <summary>Personal volumes of up to ¥5,000 (a third of members sell nothing) over a generated network.</summary>
    public static Gen<PeriodVolumes> Volumes =>
        CommissionGenerators.Network.SelectMany(network =>
            Gen.Choose(0, 500_000).Select(v => v % 3 == 0 ? 0L : v).ArrayOf(network.Count)
                .Select(personal => PeriodVolumes.Create(network, Currency.CNY, personal)));

    /// <summary>One to four ranks with strictly increasing rates and random rules.</summary>
    public static Gen<RankLadder> Ladder =>
        Gen.Choose(1, 4).SelectMany(count =>
            Gen.Choose(1, 800).ArrayOf(count).SelectMany(steps =>
                RankRules.ArrayOf(count).Select(rules =>
                {
                    var ranks = new RankOptions[count];
                    var basisPoints = 0;
                    for (var i = 0; i < count; i++)
                    {
                        basisPoints += steps[i];
                        var (personal, team, direct, legs, legRank) = rules[i];
                        ranks[i] = new RankOptions
                        {
                            Code = $"R{i + 1}",
                            DifferentialRate = Rate.FromBasisPoints(Math.Min(10_000, basisPoints)),
                            MinPersonalVolume = personal < 0 ? null : Money.FromMinorUnits(personal, Currency.CNY),
                            MinTeamVolume = team < 0 ? null : Money.FromMinorUnits(team, Currency.CNY),
                            MinDirectReferrals = direct,
                            MinQualifiedLegs = legs,
                            LegRank = legs == 0 ? null : $"R{1 + (legRank % count)}",
                        };
                    }

                    return RankLadder.Create(Currency.CNY, ranks);
                })))
        .Where(ladder => ladder.Ranks.Select(r => r.DifferentialRate).Distinct().Count() == ladder.Count);

    public static Gen<MemberRanks> RanksOver(NetworkSnapshot network, RankLadder ladder) =>
        Gen.Choose(0, ladder.Count).ArrayOf(network.Count).Select(levels => MemberRanks.Create(network, ladder, levels.Select(l => (byte)l).ToArray()));

    private static Gen<(long Personal, long Team, int Direct, int Legs, int LegRank)> RankRules =>
        Gen.Choose(-1, 300_000).SelectMany(personal =>
            Gen.Choose(-1, 2_000_000).SelectMany(team =>
                Gen.Choose(0, 3).SelectMany(direct =>
                    Gen.Choose(0, 2).SelectMany(legs =>
                        Gen.Choose(0, 3).Select(legRank => ((long)personal, (long)team, direct, legs, legRank))))));
}
