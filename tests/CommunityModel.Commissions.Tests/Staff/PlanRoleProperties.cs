using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Staff;

public class PlanRoleProperties
{
    private static OrderCommission Pay(TeamScenario s) => new CommissionCalculator(s.Plan).Calculate(s.Order, s.Ranks, s.Earners, s.Volumes);

    [Property(MaxTest = 1000)]
    public Property Money_is_conserved_with_levels_differential_peer_bonus_and_roles_combined() =>
        Prop.ForAll(TeamScenarios.RoleScenarios, s =>
        {
            var result = Pay(s);
            var roleLines = result.Lines.Where(l => l.Kind is CommissionRuleKind.Staff or CommissionRuleKind.Role).ToArray();
            return TeamChecks.Conserves(result)
                && roleLines.All(l => s.Order.Roles[l.Role!] == l.Beneficiary && s.Plan.Roles[l.Ordinal - 1].Role == l.Role && s.Plan.Roles[l.Ordinal - 1].Kind == l.Kind)
                && roleLines.Select(l => l.Ordinal).SequenceEqual(roleLines.Select(l => l.Ordinal).Order())
                && result.UnfilledRoles.SequenceEqual(s.Plan.Roles.Select(r => r.Role).Where(r => !s.Order.Roles.ContainsKey(r)));
        });

    [Property(MaxTest = 1000)]
    public Property The_cap_is_exact_over_every_line_role_lines_included() =>
        Prop.ForAll(TeamScenarios.RoleScenarios, s => TeamChecks.CapIsExact(Pay(s), s.Plan.PayoutCap));

    [Property(MaxTest = 1000)]
    public Property A_role_line_pays_its_rule_a_fixed_share_a_band_rate_or_the_effective_rate_when_nothing_earlier_binds() =>
        Prop.ForAll(TeamScenarios.RoleScenarios, s =>
        {
            var result = Pay(s);
            var plan = s.Plan;
            var left = result.Base.MinorUnits;
            foreach (var line in result.Lines)
            {
                var expected = line.Kind switch
                {
                    CommissionRuleKind.Role => line.Reward.FixedAmount?.MinorUnits ?? result.Base.Multiply(line.Reward.Rate!.Value, plan.Rounding).MinorUnits,
                    CommissionRuleKind.Staff when plan.Roles[line.Ordinal - 1].Schedule!.Mode == StaffBandMode.WholeVolume => result.Base.Multiply(line.Band!.Value.Rate, plan.Rounding).MinorUnits,
                    CommissionRuleKind.Staff => (long)MinorUnitsOf(result.Base.MinorUnits, line.PeriodPay!.Value.MinorUnits, line.PeriodVolume!.Value.MinorUnits, plan.Rounding),
                    _ => line.UncappedAmount.MinorUnits,
                };
                if (line.UncappedAmount.MinorUnits != Math.Min(left, expected))
                {
                    return false;
                }

                left -= line.UncappedAmount.MinorUnits;
            }

            return true;
        });

    /// <summary>One marginal role alone, any rounding, a month of orders by two holders.</summary>
    private static Arbitrary<(CommissionPlan Plan, CommissionableOrder[] Month)> MarginalMonths =>
        Gen.Choose(1, 4).SelectMany(n => Gen.Choose(1, 3_000_000).SelectMany(step => Gen.Choose(0, 3000).Select(bps => (step, bps))).ArrayOf(n)).SelectMany(steps =>
            Gen.Elements(RoundingMode.Down, RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Up).SelectMany(rounding =>
                Gen.Choose(0, 2_000_000).SelectMany(fen => Gen.Choose(900, 901).Select(holder => (fen, holder))).ArrayOf().Where(a => a.Length > 0).Select(orders =>
                {
                    var bands = new List<StaffBand>();
                    long from = 0;
                    var bps = 0;
                    foreach (var (step, rate) in steps)
                    {
                        bps = Math.Max(bps, rate);
                        bands.Add(new StaffBand(Money.FromMinorUnits(from, Currency.CNY), Rate.FromBasisPoints(bps)));
                        from += step;
                    }

                    var plan = new CommissionPlanBuilder("s").RoundWith(rounding).Role("sales", StaffBandMode.Marginal, [.. bands]).Build();
                    var month = orders.Select((o, i) => new CommissionableOrder($"o-{i}", 1, Money.FromMinorUnits(o.fen, Currency.CNY)) { Roles = ImmutableDictionary<string, MemberId>.Empty.Add("sales", o.holder) }).ToArray();
                    return (plan, month);
                })))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Marginal_pay_per_order_stays_within_a_fen_of_the_exact_effective_share_and_never_exceeds_it_rounding_down() =>
        Prop.ForAll(MarginalMonths, m =>
        {
            var (plan, month) = m;
            var volumes = StaffVolumes.Create(plan, month);
            var network = Referrals.NetworkSnapshot.Create([new(1, default)]);
            var calculator = new CommissionCalculator(plan);
            var ranks = MemberRanks.None(network, plan.Ladder);
            var paid = month.Select(o => (Holder: o.Roles["sales"], Base: o.AmountPaid.MinorUnits, Amount: calculator.Calculate(o, ranks, null, volumes).TotalPaid.MinorUnits)).ToArray();
            foreach (var holder in paid.GroupBy(p => p.Holder))
            {
                var v = volumes.Of("sales", holder.Key).MinorUnits;
                var t = volumes.PayFor("sales", holder.Key)!.Total.MinorUnits;
                var total = holder.Sum(p => p.Amount);
                var n = holder.Count();
                // Each line is the exact share B × T / V rounded once: within a fen of it, and at most it when rounding down.
                var withinAFen = holder.All(p => Math.Abs(((decimal)p.Amount * v) - ((decimal)p.Base * t)) < v || v == 0);
                var notAbove = plan.Rounding != RoundingMode.Down || holder.All(p => (decimal)p.Amount * v <= (decimal)p.Base * t);
                if (!withinAFen || !notAbove || Math.Abs(total - t) > n || (plan.Rounding == RoundingMode.Down && total > t))
                {
                    return false;
                }
            }

            return true;
        });

    private static UInt128 MinorUnitsOf(long basis, long pay, long volume, RoundingMode rounding)
    {
        var numerator = (UInt128)(ulong)basis * (ulong)pay;
        var divisor = (UInt128)(ulong)volume;
        var (q, r) = UInt128.DivRem(numerator, divisor);
        var twice = r + r;
        var away = r != 0 && rounding switch
        {
            RoundingMode.Up => true,
            RoundingMode.HalfUp => twice >= divisor,
            RoundingMode.HalfEven => twice > divisor || (twice == divisor && (q & UInt128.One) == UInt128.One),
            _ => false,
        };
        return away ? q + 1 : q;
    }
}
