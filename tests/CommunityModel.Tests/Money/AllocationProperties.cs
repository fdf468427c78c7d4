using System.Numerics;
using CommunityModel.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Tests;

public class AllocationProperties
{
    private static Arbitrary<(long Total, long[] Weights)> Cases { get; } =
        MoneyGenerators.MinorUnits.SelectMany(total => MoneyGenerators.Weights.Select(weights => (total, weights))).ToArbitrary();

    [Property(MaxTest = 4000)]
    public Property The_parts_always_sum_to_the_whole() =>
        Prop.ForAll(Cases, c =>
        {
            var parts = Allocate(c.Total, c.Weights);
            return parts.Aggregate(BigInteger.Zero, (sum, p) => sum + p) == c.Total;
        });

    [Property(MaxTest = 4000)]
    public Property Each_part_is_within_one_minor_unit_of_its_exact_share() =>
        Prop.ForAll(Cases, c =>
        {
            var parts = Allocate(c.Total, c.Weights);
            BigInteger weightSum = c.Weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
            return parts.Select((p, i) => BigInteger.Abs((p * weightSum) - ((BigInteger)c.Total * c.Weights[i])) < weightSum).All(x => x);
        });

    [Property(MaxTest = 4000)]
    public Property Zero_weights_get_zero() =>
        Prop.ForAll(Cases, c =>
        {
            var parts = Allocate(c.Total, c.Weights);
            return c.Weights.Select((w, i) => w != 0 || parts[i] == 0).All(x => x);
        });

    [Property(MaxTest = 4000)]
    public Property Leftover_units_go_to_the_largest_remainders_ties_to_the_earlier_part() =>
        Prop.ForAll(Cases, c =>
        {
            var parts = Allocate(c.Total, c.Weights);
            BigInteger weightSum = c.Weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
            var magnitude = BigInteger.Abs(c.Total);
            var remainders = c.Weights.Select(w => magnitude * w % weightSum).ToArray();
            var gotExtra = c.Weights.Select((w, i) => BigInteger.Abs(parts[i]) > magnitude * w / weightSum).ToArray();
            for (var i = 0; i < parts.Length; i++)
            {
                for (var j = 0; j < parts.Length; j++)
                {
                    var iRanksAbove = remainders[i] > remainders[j] || (remainders[i] == remainders[j] && i < j);
                    if (gotExtra[j] && !gotExtra[i] && iRanksAbove)
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property(MaxTest = 4000)]
    public Property The_result_depends_only_on_the_proportions_and_is_deterministic() =>
        // A factor of 10^18 pushes the weights past 64 bits, onto the exact big-integer path.
        Prop.ForAll(Cases, Gen.OneOf(Gen.Choose(2, 1000).Select(k => (decimal)k), Gen.Constant(1_000_000_000_000_000_000m)).ToArbitrary(), (c, k) =>
        {
            var scaled = c.Weights.Select(w => w * k).ToArray();
            var byLong = Allocate(c.Total, c.Weights);
            var byDecimal = new long[c.Weights.Length];
            LargestRemainder.Allocate(c.Total, scaled, byDecimal);
            return byLong.SequenceEqual(byDecimal) && byLong.SequenceEqual(Allocate(c.Total, c.Weights));
        });

    [Property(MaxTest = 4000)]
    public Property Decimal_weights_with_fractions_also_sum_exactly() =>
        Prop.ForAll(MoneyGenerators.MinorUnits.ToArbitrary(), MoneyGenerators.Factors.Select(Math.Abs).ArrayOf().Where(w => w.Any(x => x > 0)).ToArbitrary(), (total, weights) =>
        {
            var parts = new long[weights.Length];
            LargestRemainder.Allocate(total, weights, parts);
            return parts.Aggregate(BigInteger.Zero, (s, p) => s + p) == total
                && weights.Select((w, i) => w != 0 || parts[i] == 0).All(x => x);
        });

    [Property(MaxTest = 4000)]
    public Property A_split_is_as_even_as_possible_with_the_larger_parts_first() =>
        Prop.ForAll(MoneyGenerators.MinorUnits.ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(), (total, count) =>
        {
            var parts = new long[count];
            LargestRemainder.Split(total, parts);
            var magnitudes = parts.Select(p => BigInteger.Abs(p)).ToArray();
            return parts.Aggregate(BigInteger.Zero, (s, p) => s + p) == total
                && magnitudes.Max() - magnitudes.Min() <= 1
                && magnitudes.Zip(magnitudes.Skip(1)).All(pair => pair.First >= pair.Second)
                && parts.All(p => p == 0 || Math.Sign(p) == Math.Sign(total));
        });

    [Property(MaxTest = 4000)]
    public Property A_negative_total_allocates_as_the_mirror_of_the_positive_one() =>
        Prop.ForAll(Cases, c =>
        {
            if (c.Total == long.MinValue)
            {
                return true;
            }

            return Allocate(-c.Total, c.Weights).SequenceEqual(Allocate(c.Total, c.Weights).Select(p => -p));
        });

    private static long[] Allocate(long total, long[] weights)
    {
        var parts = new long[weights.Length];
        LargestRemainder.Allocate(total, weights, parts);
        return parts;
    }
}
