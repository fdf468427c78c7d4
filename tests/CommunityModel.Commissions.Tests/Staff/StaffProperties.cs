using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Staff;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Staff;

public class StaffProperties
{
    // Two to four bands: thresholds strictly increasing from zero, rates non-decreasing, in basis points.
    private static readonly Gen<(long[] From, int[] BasisPoints)> BandGen =
        from count in Gen.Choose(1, 4)
        from gaps in Gen.Choose(1, 5_000_000).ArrayOf(count - 1)
        from rates in Gen.Choose(0, 3_000).ArrayOf(count)
        select (Thresholds(gaps), Sorted(rates));

    private static readonly Arbitrary<(StaffSchedule Whole, StaffSchedule Marginal, long Volume)> Schedules =
        (from bands in BandGen
         from volume in Gen.Choose(0, int.MaxValue).Select(v => (long)v * 3)
         select (Build(bands, StaffBandMode.WholeVolume), Build(bands, StaffBandMode.Marginal), volume)).ToArbitrary();

    private static readonly Arbitrary<(StaffSchedule Schedule, long[] Bases)> Periods =
        (from bands in BandGen
         from mode in Gen.Elements(StaffBandMode.WholeVolume, StaffBandMode.Marginal)
         from bases in Gen.Choose(0, 500_000_000).ArrayOf()
         select (Build(bands, mode), bases.Select(b => (long)b).ToArray())).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Band_portions_add_up_to_the_pay_and_marginal_never_pays_more_than_whole() =>
        Prop.ForAll(Schedules, s =>
        {
            var volume = Money.FromMinorUnits(s.Volume, Currency.CNY);
            var whole = s.Whole.PayFor(volume);
            var marginal = s.Marginal.PayFor(volume);
            return whole.Portions.Sum(p => p.Amount.MinorUnits) == whole.Total.MinorUnits
                && marginal.Portions.Sum(p => p.Amount.MinorUnits) == marginal.Total.MinorUnits
                && marginal.Portions.Sum(p => p.Volume.MinorUnits) == s.Volume
                && marginal.Total <= whole.Total
                && whole.Total.MinorUnits <= s.Volume * whole.BandReached.Rate.Fraction
                && marginal.Portions.All(p => !p.Amount.IsNegative);
        });

    [Property(MaxTest = 1000)]
    public Property Pay_never_falls_when_volume_grows() =>
        Prop.ForAll(Schedules, Gen.Choose(0, 100_000_000).ToArbitrary(), (s, more) =>
        {
            Money V(long v) => Money.FromMinorUnits(v, Currency.CNY);
            return s.Whole.PayFor(V(s.Volume)).Total <= s.Whole.PayFor(V(s.Volume + more)).Total
                && s.Marginal.PayFor(V(s.Volume)).Total <= s.Marginal.PayFor(V(s.Volume + more)).Total;
        });

    [Property(MaxTest = 1000)]
    public Property A_period_pay_allocated_to_its_lines_loses_no_fen_and_no_line_exceeds_its_base() =>
        Prop.ForAll(Periods, p =>
        {
            var sales = p.Bases.Select((b, i) => new StaffSale($"o-{i}", Money.FromMinorUnits(b, Currency.CNY))).ToArray();
            var period = p.Schedule.Settle(new MemberId(7), sales);
            var total = period.Pay.Total.MinorUnits;
            var volume = p.Bases.Sum();
            return period.Lines.Sum(l => l.Amount.MinorUnits) == total
                && period.Lines.All(l => l.Amount.IsPositive && l.Amount <= l.Base)
                && period.Lines.All(l => Math.Abs((decimal)l.Amount.MinorUnits - (decimal)total * l.Base.MinorUnits / volume) < 1m);
        });

    private static long[] Thresholds(int[] gaps)
    {
        var from = new long[gaps.Length + 1];
        for (var i = 0; i < gaps.Length; i++)
        {
            from[i + 1] = from[i] + gaps[i];
        }

        return from;
    }

    private static int[] Sorted(int[] rates)
    {
        var copy = (int[])rates.Clone();
        Array.Sort(copy);
        return copy;
    }

    private static StaffSchedule Build((long[] From, int[] BasisPoints) bands, StaffBandMode mode)
    {
        var builder = new StaffScheduleBuilder("s", mode);
        for (var i = 0; i < bands.From.Length; i++)
        {
            builder.Band(Money.FromMinorUnits(bands.From[i], Currency.CNY), Rate.FromBasisPoints(bands.BasisPoints[i]));
        }

        return builder.Build();
    }
}
