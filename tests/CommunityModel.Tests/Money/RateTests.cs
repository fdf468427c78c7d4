using System.Globalization;

namespace CommunityModel.Tests;

public class RateTests
{
    [Fact]
    public void A_rate_is_a_fraction_with_percent_and_basis_point_views()
    {
        var rate = Rate.FromPercent(15m);

        Assert.Equal(0.15m, rate.Fraction);
        Assert.Equal(15m, rate.Percent);
        Assert.Equal(1500m, rate.BasisPoints);
        Assert.Equal(rate, Rate.FromFraction(0.15m));
        Assert.Equal(rate, Rate.FromBasisPoints(1500m));
        Assert.True(rate.IsBetweenZeroAndOne);
        Assert.False(Rate.FromPercent(101m).IsBetweenZeroAndOne);
        Assert.True(Rate.FromPercent(-1m).IsNegative);
        Assert.True(Rate.Zero.IsZero);
        Assert.Equal(1m, Rate.One.Fraction);
    }

    [Fact]
    public void The_seeds_participation_rate_is_232_of_1000()
    {
        Assert.Equal("23.2%", Rate.Of(232, 1000).ToString());
        Assert.Throws<DivideByZeroException>(() => Rate.Of(1, 0));
    }

    [Fact]
    public void A_payout_ratio_is_a_rate_of_two_amounts()
    {
        Assert.Equal(Rate.FromPercent(30m), Rate.Of(Money.Cny(1080m), Money.Cny(3600m)));
        Assert.Throws<CurrencyMismatchException>(() => Rate.Of(Money.Cny(1m), Money.Usd(1m)));
        Assert.Throws<DivideByZeroException>(() => Rate.Of(Money.Cny(1m), Money.Cny(0m)));
    }

    [Fact]
    public void Rates_add_subtract_compound_and_compare()
    {
        var manager = Rate.FromPercent(20m);
        var director = Rate.FromPercent(30m);

        Assert.Equal(Rate.FromPercent(10m), director - manager);
        Assert.Equal(Rate.FromPercent(50m), director + manager);
        Assert.Equal(Rate.FromPercent(6m), director * manager);
        Assert.True(manager < director && director > manager);
        Assert.True(manager <= Rate.FromPercent(20m) && manager >= Rate.FromFraction(0.2m));
        Assert.True(manager != director);
        Assert.Equal(manager, Rate.Min(manager, director));
        Assert.Equal(director, Rate.Max(manager, director));
        Assert.Equal(Rate.FromFraction(0.20m).GetHashCode(), Rate.FromFraction(0.2000m).GetHashCode());
        Assert.True(((IComparable)manager).CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => ((IComparable)manager).CompareTo(0.2m));
    }

    [Theory]
    [InlineData("15%", 0.15)]
    [InlineData(" 15 % ", 0.15)]
    [InlineData("2.5%", 0.025)]
    [InlineData("1.5‰", 0.0015)]
    [InlineData("0.15", 0.15)]
    [InlineData("-3%", -0.03)]
    public void Parse_reads_percentages_per_mille_and_fractions(string text, double fraction)
    {
        Assert.Equal(Rate.FromFraction((decimal)fraction), Rate.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("fifteen percent")]
    [InlineData("15%%")]
    public void Parse_rejects_text_that_is_not_a_rate(string text)
    {
        Assert.False(Rate.TryParse(text, null, out _));
        Assert.Contains($"'{text}'", Assert.Throws<FormatException>(() => Rate.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_as_percent_or_fraction()
    {
        Assert.Equal("15%", Rate.FromPercent(15m).ToString());
        Assert.Equal("15.00%", Rate.FromPercent(15m).ToString("P2", null));
        Assert.Equal("0.15", Rate.FromPercent(15m).ToString("F", null));
        Assert.Equal("2.5%", Rate.FromFraction(0.025000m).ToString());
        Assert.Throws<FormatException>(() => Rate.One.ToString("Q", null));
    }

    [Fact]
    [Trait("Globalization", "Cultures")]
    public void Formats_in_a_named_culture() =>
        Assert.Equal("12,5%", Rate.FromPercent(12.5m).ToString("P", CultureInfo.GetCultureInfo("de-DE")));
}
