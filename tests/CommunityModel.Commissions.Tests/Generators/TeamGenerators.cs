using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Paying;
using System.Collections.Immutable;

using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;
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

/// <summary>A roster, ranks, a combined plan and an order: everything one combined calculation needs.</summary>
public sealed record TeamScenario(EarnerRoster Earners, MemberRanks Ranks, CommissionPlan Plan, CommissionableOrder Order)
{
    /// <summary>The period's orders, the scenario's order among them; just the order when not given.</summary>
    public CommissionableOrder[] Month { get => field ?? [Order]; init; }

    /// <summary>The role holders' volumes over <see cref="Month"/>.</summary>
    public StaffVolumes Volumes => StaffVolumes.Create(Plan, Month);

    public override string ToString() =>
        $"roles {string.Join("; ", Plan.Roles)} month {string.Join(" ", Month.Select(o => $"{o.OrderLineId}:{o.Buyer}:{o.AmountPaid.MinorUnits}:[{string.Join(",", o.Roles.Select(r => $"{r.Key}={r.Value}"))}]"))}; plan levels {Plan.Levels.Length} ranks {string.Join("/", Plan.Ladder.Ranks.Select(r => r.DifferentialRate))} peer {Plan.PeerRate}x{Plan.PeerGenerations} {Plan.PeerBasis} seller {Plan.SellerEarnsOwnRank} depth {Plan.MaxDepth} cap {Plan.PayoutCap} {Plan.Rounding}; "
        + $"order {Order.AmountPaid} by {Order.Buyer}; links {string.Join(" ", Earners.Network.ToLinks().Select(l => $"{l.Member}<{l.Sponsor}:{Earners.StatusOf(l.Member)}:R{Ranks.RankOf(l.Member)?.Level ?? 0}"))}";
}

public static class TeamScenarios
{
    /// <summary>Zero to three levels, one to four ranks, an optional peer bonus (either basis, 1–3 generations), an optional cap, zero to three roles, any rounding.</summary>
    public static Gen<CommissionPlan> Plan => PlanWith(0, 3);

    /// <summary>Like <see cref="Plan"/>, with one to four roles: rates, fixed amounts, whole-volume and marginal bands.</summary>
    public static Gen<CommissionPlan> PlanWithRoles => PlanWith(1, 4);

    /// <summary>A role: kind (0 rate, 1 amount, 2 whole-volume bands, 3 marginal bands), a rate in basis points or an amount in fen, band steps.</summary>
    private static Gen<(int Kind, int Value, (int Step, int Bps)[] Bands)> RoleSpec =>
        Gen.Choose(0, 3).SelectMany(kind => Gen.Choose(0, 3000).SelectMany(value =>
            Gen.Choose(1, 3).SelectMany(n => Gen.Choose(1, 2_000_000).SelectMany(step => Gen.Choose(0, 2000).Select(bps => (step, bps))).ArrayOf(n))
                .Select(bands => (kind, value, bands))));

    private static Gen<CommissionPlan> PlanWith(int minRoles, int maxRoles) =>
        Gen.Choose(minRoles, maxRoles).SelectMany(n => RoleSpec.ArrayOf(n)).SelectMany(roles =>
        Gen.Choose(0, 3).SelectMany(levels => Gen.Choose(0, 1500).ArrayOf(levels)).SelectMany(levelBps =>
            Gen.Choose(1, 4).SelectMany(count => Gen.Choose(1, 1000).ArrayOf(count)).SelectMany(rankSteps =>
                Gen.Choose(-1, 1500).SelectMany(peerBps =>
                    Gen.Choose(1, 3).SelectMany(generations =>
                        Gen.Choose(-1, 10_000).SelectMany(capBps =>
                            Gen.Elements(true, false).SelectMany(sellerEarns =>
                                Gen.Elements(PeerBonusBasis.OfBase, PeerBonusBasis.OfDownlineDifferential).SelectMany(basis =>
                                    Gen.Elements(RoundingMode.Down, RoundingMode.HalfUp, RoundingMode.Up).SelectMany(rounding => Gen.Choose(0, 4).Select(extraDepth =>
                                    {
                                        // Product "p" and tier "t" override the levels; product "x" and kind "k" are excluded. The depth is the levels' or deeper.
                                        var builder = new CommissionPlanBuilder("p").SellerEarnsOwnRank(sellerEarns).RoundWith(rounding).ExcludeProducts("x").ExcludeOrderKinds("k")
                                            .PayToDepth(Math.Max(1, levelBps.Length) + extraDepth).PaySelfPurchase(extraDepth == 1);
                                        foreach (var bp in levelBps)
                                        {
                                            builder.Level(Rate.FromBasisPoints(bp));
                                        }

                                        if (levelBps.Length > 0)
                                        {
                                            builder.ForProduct("p", [.. levelBps.Select(bp => bp % 3 == 0 ? null : LevelReward.OfRate(Rate.FromBasisPoints(3 * bp)))]);
                                            builder.ForTier("t", LevelReward.OfFixedAmount(Money.FromMinorUnits(levelBps[0] * 10, Currency.CNY)));
                                        }

                                        // A third of the peer bonuses pay a rate per generation (falling with distance); ranks then set no rate of their own.
                                        var byGeneration = peerBps >= 0 && peerBps % 3 == 1;
                                        var rate = 0;
                                        for (var i = 0; i < rankSteps.Length; i++)
                                        {
                                            rate += rankSteps[i];
                                            var level = i + 1;
                                            builder.Rank($"R{level}", Rate.FromBasisPoints(rate), r =>
                                            {
                                                r.PeerRate = !byGeneration && rankSteps[level - 1] % 5 == 0 ? Rate.Zero : null;
                                                r.MinPersonalVolume = Money.FromMinorUnits(level * 100_000, Currency.CNY);
                                                r.MinTeamVolume = Money.FromMinorUnits(level * 300_000, Currency.CNY);
                                                r.MinQualifiedLegs = level > 2 ? 1 : 0;
                                            });
                                        }

                                        if (byGeneration)
                                        {
                                            builder.PeerBonusByGeneration(basis, [.. Enumerable.Range(1, generations).Select(g => Rate.FromBasisPoints(peerBps / g))]);
                                        }
                                        else if (peerBps >= 0)
                                        {
                                            builder.PeerBonus(Rate.FromBasisPoints(peerBps), basis, generations);
                                        }

                                        if (capBps >= 0)
                                        {
                                            builder.CapPayoutAt(Rate.FromBasisPoints(capBps));
                                        }

                                        for (var r = 0; r < roles.Length; r++)
                                        {
                                            var (kind, value, steps) = roles[r];
                                            _ = kind switch
                                            {
                                                0 => builder.Role($"r{r + 1}", Rate.FromBasisPoints(value)),
                                                1 => builder.Role($"r{r + 1}", Money.FromMinorUnits(value * 10L, Currency.CNY)),
                                                _ => builder.Role($"r{r + 1}", kind == 2 ? StaffBandMode.WholeVolume : StaffBandMode.Marginal, Bands(steps)),
                                            };
                                        }

                                        // Without a cap, rates summing above the base are refused: a 100% cap keeps such a plan and changes no payout.
                                        if (capBps < 0 && CommissionPlan.Validate(builder.ToOptions()).Any(p => p.Code == CommissionErrorCodes.RatesExceedBase))
                                        {
                                            builder.CapPayoutAt(Rate.One);
                                        }

                                        return builder.Build();
                                    }))))))))));

    // Thresholds from zero, strictly increasing; rates never decreasing.
    private static StaffBand[] Bands((int Step, int Bps)[] steps)
    {
        var bands = new StaffBand[steps.Length];
        long from = 0;
        var bps = 0;
        for (var i = 0; i < steps.Length; i++)
        {
            bps = Math.Max(bps, steps[i].Bps);
            bands[i] = new StaffBand(Money.FromMinorUnits(from, Currency.CNY), Rate.FromBasisPoints(bps));
            from += steps[i].Step;
        }

        return bands;
    }

    /// <summary>
    /// A plan with roles and a month of one to twelve orders, each naming a holder for most roles (employees 900–902, or a
    /// member of the network); the scenario's order is one of them, so the month's staff volumes include it.
    /// </summary>
    public static Arbitrary<TeamScenario> RoleScenarios =>
        CommissionGenerators.Roster.SelectMany(roster => PlanWithRoles.SelectMany(plan =>
            TeamGenerators.RanksOver(roster.Network, plan.Ladder).SelectMany(ranks =>
                MonthOf(roster.Network, plan).SelectMany(month =>
                    Gen.Choose(0, month.Length - 1).Select(pick => new TeamScenario(roster, ranks, plan, month[pick]) { Month = month })))))
        .ToArbitrary();

    public static Gen<CommissionableOrder[]> MonthOf(NetworkSnapshot network, CommissionPlan plan) =>
        Gen.Choose(0, network.Count - 1).SelectMany(buyer =>
            Gen.Choose(0, 1_000_000).SelectMany(fen =>
                Gen.Choose(-1, 3).ArrayOf(plan.Roles.Length).Select(holders => (buyer, fen, holders))))
        .ArrayOf().Where(a => a.Length > 0).Select(orders => orders.Take(12).Select((o, i) =>
            new CommissionableOrder($"o-{i:D2}", network.MemberAt(o.buyer), Money.FromMinorUnits(o.fen, Currency.CNY))
            {
                Roles = plan.Roles.Select((r, k) => (r.Role, Holder: o.holders[k])).Where(p => p.Holder >= 0)
                    .ToImmutableDictionary(p => p.Role, p => p.Holder == 3 ? network.MemberAt(0) : new MemberId(900 + p.Holder)),
            }).ToArray());

    public static Arbitrary<TeamScenario> Scenarios =>
        CommissionGenerators.Roster.SelectMany(roster => Plan.SelectMany(plan =>
            TeamGenerators.RanksOver(roster.Network, plan.Ladder).SelectMany(ranks =>
                Gen.Choose(0, roster.Network.Count - 1).SelectMany(buyer =>
                    Gen.Choose(0, 1_000_000).Select(fen =>
                        new TeamScenario(roster, ranks, plan, new CommissionableOrder($"o-{buyer}", roster.Network.MemberAt(buyer), Money.FromMinorUnits(fen, Currency.CNY))))))))
        .ToArbitrary();
}
