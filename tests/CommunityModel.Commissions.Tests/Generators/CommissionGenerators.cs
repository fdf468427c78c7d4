using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Commissions.Tests.Generators;

/// <summary>A network, a roster, a plan and an order: everything one calculation needs.</summary>
public sealed record Scenario(EarnerRoster Earners, CommissionPlan Plan, CommissionableOrder Order)
{
    public override string ToString() =>
        $"plan {string.Join("/", Plan.Levels)} {Plan.IneligibleUpline} {Plan.Earners} {Plan.Rounding}; order {Order.AmountPaid} by {Order.Buyer} (product {Order.ProductId}, tier {Order.LadderTier}, kind {Order.Kind}); links {string.Join(" ", Earners.Network.ToLinks().Select(l => $"{l.Member}<{l.Sponsor}:{Earners.StatusOf(l.Member)}"))}";
}

public static class CommissionGenerators
{
    /// <summary>A forest of up to 40 members: member k's sponsor is an earlier member or none.</summary>
    public static Gen<NetworkSnapshot> Network =>
        Gen.Choose(1, 40).SelectMany(n => Gen.Choose(0, 1000).ArrayOf(n)).Select(picks =>
            NetworkSnapshot.Create(picks.Select((p, k) => new ReferralLink(k + 1, k == 0 || p % 7 == 0 ? default : new MemberId(k - p % Math.Min(k, 3)))).ToArray()));

    public static Gen<EarnerRoster> Roster =>
        Network.SelectMany(network => Gen.Elements(EarnerStatus.None, EarnerStatus.Promoter, EarnerStatus.Promoter, EarnerStatus.Suspended, EarnerStatus.Inactive | EarnerStatus.Promoter)
            .ArrayOf(network.Count)
            .Select(statuses => EarnerRoster.Create(network, statuses.Select((s, i) => KeyValuePair.Create(network.MemberAt(i), s)))));

    public static Gen<LevelReward> Reward =>
        Gen.OneOf(
            Gen.Choose(0, 3333).Select(bp => LevelReward.OfRate(Rate.FromBasisPoints(bp))),
            Gen.Choose(0, 50_000).Select(fen => LevelReward.OfFixedAmount(Money.FromMinorUnits(fen, Currency.CNY))));

    public static Gen<CommissionPlan> Plan => PlanWith(_ => Gen.Constant<Action<CommissionPlanBuilder>>(_ => { }));

    /// <summary>A plan that also overrides product <c>p</c> and tier <c>t</c> (some levels kept), and excludes product <c>x</c> and order kind <c>k</c>.</summary>
    public static Gen<CommissionPlan> PlanWithOverrides => PlanWith(levels =>
        OptionalReward.ArrayOf(levels).SelectMany(product => OptionalReward.ArrayOf(levels).Select<LevelReward?[], Action<CommissionPlanBuilder>>(tier => builder =>
            builder.ForProduct("p", product).ForTier("t", tier).ExcludeProducts("x").ExcludeOrderKinds("k"))));

    private static Gen<LevelReward?> OptionalReward => Gen.OneOf(Reward.Select(r => (LevelReward?)r), Gen.Constant<LevelReward?>(null));

    private static Gen<CommissionPlan> PlanWith(Func<int, Gen<Action<CommissionPlanBuilder>>> overrides) =>
        Gen.Choose(1, 3).SelectMany(levels => Reward.ArrayOf(levels)).SelectMany(rewards =>
            overrides(rewards.Length).SelectMany(configure =>
            Gen.Elements(IneligibleUplinePolicy.Forfeit, IneligibleUplinePolicy.Compress).SelectMany(policy =>
                Gen.Elements(EarnerEligibility.EveryMember, EarnerEligibility.DesignatedPromoters).SelectMany(earners =>
                    Gen.Elements(RoundingMode.Down, RoundingMode.HalfUp, RoundingMode.Up).Select(rounding =>
                    {
                        var builder = new CommissionPlanBuilder("p").WhenUplineIneligible(policy).EarnersAre(earners).RoundWith(rounding);
                        foreach (var r in rewards)
                        {
                            _ = r.FixedAmount is { } f ? builder.Level(f) : builder.Level(r.Rate!.Value);
                        }

                        configure(builder);
                        return builder.Build();
                    })))));

    public static Arbitrary<Scenario> Scenarios =>
        Roster.SelectMany(roster => Plan.SelectMany(plan =>
            Gen.Choose(0, roster.Network.Count - 1).SelectMany(buyer =>
                Gen.Choose(0, 1_000_000).Select(fen =>
                    new Scenario(roster, plan, new CommissionableOrder($"o-{buyer}", roster.Network.MemberAt(buyer), Money.FromMinorUnits(fen, Currency.CNY)))))))
        .ToArbitrary();

    /// <summary>Scenarios whose plan has overrides and exclusions and whose order names a product, tier and kind that may select them.</summary>
    public static Arbitrary<Scenario> ScenariosWithOverrides =>
        Roster.SelectMany(roster => PlanWithOverrides.SelectMany(plan =>
            Gen.Choose(0, roster.Network.Count - 1).SelectMany(buyer =>
                Gen.Choose(0, 1_000_000).SelectMany(fen =>
                    Gen.Elements<string?>(null, "p", "x", "q").SelectMany(product =>
                        Gen.Elements<string?>(null, "t", "u").SelectMany(tier =>
                            Gen.Elements<string?>(null, "k", "GroupBuy").Select(kind =>
                                new Scenario(roster, plan, new CommissionableOrder($"o-{buyer}", roster.Network.MemberAt(buyer), Money.FromMinorUnits(fen, Currency.CNY))
                                {
                                    ProductId = product,
                                    LadderTier = tier,
                                    Kind = kind,
                                }))))))))
        .ToArbitrary();
}
