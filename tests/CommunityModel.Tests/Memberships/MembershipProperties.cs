using CommunityModel.Catalog;
using CommunityModel.Memberships;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Memberships;

/// <summary>Invariants of memberships over random histories of purchases, upgrades, renewals, refunds and uses.</summary>
public class MembershipProperties
{
    private static readonly string[] TierIds = [SeedBusiness.GiftPackTier, SeedBusiness.Vip, SeedBusiness.Ka];

    private static readonly string[] ProductIds =
        [SeedBusiness.OnlineCourses, SeedBusiness.CommunityService, SeedBusiness.OfflineCourse, SeedBusiness.BackEndCapital, SeedBusiness.PrivateBoard, SeedBusiness.GiftPack];

    internal static readonly MembershipPlan[] Plans =
    [
        .. from timing in Enum.GetValues<UpgradeTiming>()
           from term in Enum.GetValues<UpgradeTermPolicy>()
           from dayCount in Enum.GetValues<DayCount>()
           select new MembershipPlanBuilder().UseSeedBusiness().WithUpgrades(timing, term, dayCount).Build(SeedBusiness.CreateCatalog()),
    ];

    internal static Arbitrary<(int Plan, (int Kind, int Arg)[] Steps)> Histories { get; } =
        Gen.Choose(0, Plans.Length - 1).SelectMany(plan =>
            Gen.Choose(1, 40).SelectMany(length =>
                Gen.Choose(0, 11).SelectMany(kind => Gen.Choose(0, 400).Select(arg => (kind, arg))).ArrayOf(length)
                    .Select(steps => (plan, steps))))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Credit_and_refund_never_exceed_what_was_paid_balances_never_go_negative_and_replay_equals_live() =>
        Prop.ForAll(Histories, history =>
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(8)));
            var desk = new MembershipDesk(Plans[history.Plan], clock);
            var events = new List<IMembershipEvent>();
            var replayer = new MembershipReplayer();
            Membership? m = null;
            foreach (var (kind, arg) in history.Steps)
            {
                MembershipChange? change;
                try
                {
                    change = Step(desk, clock, m, kind, arg);
                }
                catch (MembershipRefusedException)
                {
                    continue; // refused: nothing changed, nothing to store
                }

                if (change is null)
                {
                    continue;
                }

                var before = m;
                if (before is { IsSuspended: true } && kind is 2 or 3 or 6 or 10 && change.Events.Any(e => e is not EntitlementExpired and not MembershipExpired))
                {
                    return false; // a suspended member renewed, upgraded, consumed or bought promoter rights
                }

                if (before is { IsPromoter: true } && !change.Membership.IsPromoter && !change.Events.Any(e => e is PromoterRightsRevoked))
                {
                    return false; // promoter rights ended silently
                }

                foreach (var e in change.Events)
                {
                    switch (e)
                    {
                        case UpgradeCredited credited when before is not null:
                            var held = Money.Sum(before.Terms.Select(t => t.Value), Currency.CNY);
                            if (credited.Credit.IsNegative || credited.Credit > held)
                            {
                                return false;
                            }

                            break;
                        case MembershipRefunded refunded when before is not null:
                            if (refunded.Amount.IsNegative || refunded.Amount > before.TotalPaid - before.TotalRefunded)
                            {
                                return false;
                            }

                            break;
                        case MembershipRenewed renewed when before is not null:
                            if (renewed.Term.End <= before.PaidThrough || renewed.Term.End <= desk.Today)
                            {
                                return false; // renewal never shortens a membership
                            }

                            break;
                    }
                }

                events.AddRange(change.Events);
                m = change.Membership;
                if (m.TotalRefunded > m.TotalPaid || m.Credit.IsNegative
                    || m.Entitlements.Any(l => l.Remaining is < 0 || l.Consumed < 0)
                    || !m.Equals(Membership.Replay(events))
                    || !m.Equals(replayer.Replay(events.ToArray())))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 500)]
    public Property An_upgraded_term_never_grants_more_one_off_value_per_yuan_of_its_price_than_a_full_term() =>
        Prop.ForAll(
            Gen.Choose(0, Plans.Length - 1).SelectMany(plan => Gen.Choose(0, 364).SelectMany(day => Gen.Choose(0, 1).Select(from => (plan, day, from)))).ToArbitrary(),
            pick =>
            {
                var plan = Plans[pick.plan];
                if (plan.UpgradeTiming != UpgradeTiming.Immediately)
                {
                    return true;
                }

                var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
                var desk = new MembershipDesk(plan, clock);
                var fromTier = pick.from == 0 ? SeedBusiness.GiftPackTier : SeedBusiness.Vip;
                var m = desk.Purchase(7, fromTier).Membership;
                clock.Advance(TimeSpan.FromDays(pick.day));
                var change = desk.Upgrade(m, SeedBusiness.Ka);
                var upgraded = change.Events.OfType<MembershipUpgraded>().Single();
                var ka = plan[SeedBusiness.Ka];
                var granted = change.Events.OfType<EntitlementGranted>().Where(g => g.Quantity is not null).Sum(g => g.UnitValue.Amount * g.Quantity!.Value);
                var full = ka.Entitlements.Where(e => !e.IsUnlimited).Sum(e => e.StandaloneValue.Amount);

                // granted ÷ price ≤ full ÷ tier price, with one fen of slack for the price's rounding
                return granted * ka.Price.Amount <= full * (upgraded.Price.Amount + 0.01m);
            });

    [Property(MaxTest = 500)]
    public Property A_refund_inside_cooling_off_after_an_upgrade_inside_cooling_off_returns_every_fen_paid() =>
        Prop.ForAll(
            Gen.Choose(0, Plans.Length - 1).SelectMany(plan => Gen.Choose(0, (7 * 24) - 1).SelectMany(upgradeAfter => Gen.Choose(0, (7 * 24) - 1).SelectMany(refundAfter => Gen.Choose(0, 2).Select(pair => (plan, upgradeAfter, refundAfter, pair))))).ToArbitrary(),
            pick =>
            {
                (string From, string To)[] pairs = [(SeedBusiness.GiftPackTier, SeedBusiness.Vip), (SeedBusiness.GiftPackTier, SeedBusiness.Ka), (SeedBusiness.Vip, SeedBusiness.Ka)];
                var (from, to) = pairs[pick.pair];
                if (Plans[pick.plan].UpgradeTiming == UpgradeTiming.AtTermEnd && pick.upgradeAfter + pick.refundAfter >= 7 * 24)
                {
                    return true; // a deferred upgrade pays nothing: the purchase's own window has passed
                }

                var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
                var desk = new MembershipDesk(Plans[pick.plan], clock);
                var m = desk.Purchase(7, from).Membership;
                clock.Advance(TimeSpan.FromHours(pick.upgradeAfter));
                m = desk.Upgrade(m, to).Membership;
                clock.Advance(TimeSpan.FromHours(pick.refundAfter));
                var refunded = desk.Refund(m).Membership;
                return refunded.TotalRefunded == refunded.TotalPaid;
            });

    [Property(MaxTest = 1000)]
    public Property Revenue_allocation_sums_exactly_to_what_was_paid() =>
        Prop.ForAll(
            Gen.Choose(-100_000_000, 100_000_000).Select(i => (long)i * 7).ToArbitrary(),
            Gen.Elements(TierIds).ToArbitrary(),
            (fen, tierId) =>
            {
                var paid = Money.FromMinorUnits(fen, Currency.CNY);
                var lines = Plans[0][tierId].AllocateRevenue(paid);
                return Money.Sum(lines.Select(l => l.Allocated), Currency.CNY) == paid
                    && lines.All(l => Math.Abs(l.Allocated.MinorUnits) <= Math.Abs(fen));
            });

    [Property(MaxTest = 1000)]
    public Property A_higher_tier_includes_every_entitlement_of_the_lower_tier_with_at_least_its_quota() =>
        Prop.ForAll(
            Gen.Choose(0, 5).SelectMany(p => Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(1, 4).Select(q => (int?)q)).Select(q => (p, q))).ArrayOf(12).ToArbitrary(),
            picks =>
            {
                var builder = new MembershipPlanBuilder();
                for (var level = 0; level < 3; level++)
                {
                    var own = picks.Skip(level * 4).Take(4).DistinctBy(p => p.p).ToArray();
                    builder.AddTier($"t{level}", $"T{level}", Money.Cny(100m * (level + 1)), t =>
                    {
                        t.Entitle(ProductIds[level]);
                        foreach (var (p, q) in own.Where(o => o.p != level))
                        {
                            t.Entitle(ProductIds[p], q);
                        }

                        if (level > 0)
                        {
                            t.Including($"t{level - 1}");
                        }
                    });
                }

                var plan = builder.Build(SeedBusiness.CreateCatalog());
                return plan.Tiers.Skip(1).All(higher =>
                {
                    var lower = plan[higher.Includes!];
                    return higher.Entitlements.Select(e => e.Product.Id).Distinct().Count() == higher.Entitlements.Length
                        && lower.Entitlements.All(l => higher.Entitlements.Any(h => h.Product.Id == l.Product.Id && (h.Quantity is null || (l.Quantity is not null && h.Quantity >= l.Quantity))));
                });
            });

    internal static MembershipChange? Step(MembershipDesk desk, FakeTimeProvider clock, Membership? m, int kind, int arg)
    {
        switch (kind)
        {
            case 0:
                clock.Advance(TimeSpan.FromDays(1 + (arg % 120)));
                return null;
            case 1:
                return desk.Purchase(7, TierIds[arg % 3], m);
            case 2 when m is not null:
                return desk.Renew(m);
            case 3 when m is not null:
                return desk.Upgrade(m, TierIds[arg % 3]);
            case 4 when m is not null:
                return desk.Downgrade(m, TierIds[arg % 3]);
            case 5 when m is not null:
                return desk.Refund(m);
            case 6 when m is not null:
                return desk.Consume(m, ProductIds[arg % ProductIds.Length], $"k{arg % 9}");
            case 7 when m is not null:
                return desk.Refresh(m);
            case 8 when m is not null:
                return desk.Suspend(m, "rule breach");
            case 9 when m is not null:
                return desk.Reinstate(m, "review passed");
            case 10 when m is not null:
                return desk.BuyPromoterRights(m, TierIds[arg % 3]);
            case 11 when m is not null:
                return desk.RevokePromoterRights(m, "revoked");
            default:
                return null;
        }
    }
}
