using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Paying;

public class CommissionCalculatorLevelProperties
{
    [Property(MaxTest = 1000)]
    public Property Money_is_conserved_for_every_order_paid_lines_plus_retained_equal_the_base() =>
        Prop.ForAll(CommissionGenerators.Scenarios, s =>
        {
            var result = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Earners);
            var paid = result.Lines.Sum(l => l.Amount.MinorUnits);
            return paid + result.CompanyRetained.MinorUnits == result.Base.MinorUnits
                && !result.CompanyRetained.IsNegative
                && result.Lines.All(l => l.Amount.IsPositive);
        });

    [Property(MaxTest = 1000)]
    public Property Compression_never_pays_more_levels_than_the_plan_and_pays_only_eligible_uplines() =>
        Prop.ForAll(CommissionGenerators.Scenarios, s =>
        {
            var result = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Earners);
            var upline = s.Earners.Network.Upline(s.Order.Buyer);
            var levels = result.Lines.Select(l => l.Level).ToArray();
            return result.Lines.Length <= Math.Min(CommissionPlan.MaxLevels, s.Plan.Levels.Length)
                && levels.SequenceEqual(levels.Distinct().Order())
                && result.Lines.All(l => upline.Contains(l.Beneficiary) && Eligible(s, l.Beneficiary))
                && result.Lines.All(l => l.CompressedPast.All(m => !Eligible(s, m)))
                && result.Lines.Select(l => upline.IndexOf(l.Beneficiary)).SequenceEqual(result.Lines.Select(l => upline.IndexOf(l.Beneficiary)).Order());
        });

    [Property(MaxTest = 1000)]
    public Property Rounding_down_never_pays_more_than_the_exact_rate() =>
        Prop.ForAll(CommissionGenerators.Scenarios, s =>
        {
            var result = new CommissionCalculator(s.Plan).Calculate(s.Order, s.Earners);
            return s.Plan.Rounding != RoundingMode.Down
                || result.Lines.All(l => l.Reward.Rate is not { } rate || l.Amount.Amount <= l.Basis.Amount * rate.Fraction);
        });

    [Property(MaxTest = 1000)]
    public Property A_rate_pays_exactly_what_Money_Multiply_gives_for_any_base_rate_and_rounding() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).SelectMany(high => Gen.Choose(0, int.MaxValue).Select(low => ((long)high << 32 | (uint)low) >> Math.Min(62, high % 64))).ToArbitrary(),
            Gen.Choose(0, 1_000_000).SelectMany(n => Gen.Choose(0, 12).Select(k => Rate.FromFraction(Math.Min(1m, n / (decimal)Math.Pow(10, k))))).ToArbitrary(),
            Gen.Elements(RoundingMode.Down, RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Up).ToArbitrary(),
            (fen, rate, rounding) =>
            {
                var plan = new CommissionPlanBuilder("one").Level(rate).RoundWith(rounding).Build();
                var network = CommunityModel.Referrals.NetworkSnapshot.Create([new(1, default), new(2, 1)]);
                var paid = Money.FromMinorUnits(fen, Currency.CNY);
                var result = new CommissionCalculator(plan).Calculate(new CommissionableOrder("o", 2, paid), network);
                var expected = Math.Min(fen, paid.Multiply(rate, rounding).MinorUnits);
                return result.TotalPaid.MinorUnits == expected;
            });

    [Property(MaxTest = 1000)]
    public Property The_span_path_pays_exactly_the_explained_lines_beneficiaries_levels_amounts_and_retained() =>
        Prop.ForAll(CommissionGenerators.ScenariosWithOverrides, s =>
        {
            var calculator = new CommissionCalculator(s.Plan);
            var explained = calculator.Calculate(s.Order, s.Earners);
            var schedule = calculator.Plan.ScheduleFor(s.Order.ProductId, s.Order.LadderTier, s.Order.Kind);
            var payouts = new CommissionRunLine[CommissionPlan.MaxLevels];
            var count = calculator.Calculate(schedule, s.Earners.Network.IndexOf(s.Order.Buyer), explained.Base.MinorUnits, s.Earners, payouts);
            var compact = payouts[..count];
            return count == explained.Lines.Length
                && compact.Select(p => (s.Earners.Network.MemberAt(p.Beneficiary), (int)p.Ordinal, p.Amount))
                    .SequenceEqual(explained.Lines.Select(l => (l.Beneficiary, l.Level, l.Amount.MinorUnits)))
                && compact.All(p => p.Amount > 0)
                && explained.Base.MinorUnits - compact.Sum(p => p.Amount) == explained.CompanyRetained.MinorUnits
                && explained.Lines.All(l => l.Reward == schedule.Rewards[l.Level - 1] && l.Source == schedule.Sources[l.Level - 1])
                && schedule.Exclusion == explained.Exclusion;
        });

    private static bool Eligible(Scenario s, MemberId member)
    {
        var status = s.Earners.StatusOf(member);
        return (status & (EarnerStatus.Suspended | EarnerStatus.Inactive)) == 0
            && (s.Plan.Earners == EarnerEligibility.EveryMember || status.HasFlag(EarnerStatus.Promoter));
    }
}
