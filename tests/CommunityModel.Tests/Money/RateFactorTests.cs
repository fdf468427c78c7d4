namespace CommunityModel.Tests;

/// <summary>A compiled rate is a value: equal when it compiles the same rate, formatted as that rate.</summary>
public class RateFactorTests
{
    [Fact]
    public void Factors_of_the_same_rate_are_equal_and_hash_alike()
    {
        var fifteen = new RateFactor(Rate.FromPercent(15));
        var same = new RateFactor(Rate.FromFraction(0.15m));
        var other = new RateFactor(Rate.FromPercent(16));

        Assert.True(fifteen == same);
        Assert.False(fifteen != same);
        Assert.True(fifteen != other);
        Assert.False(fifteen == other);
        Assert.True(fifteen.Equals((object)same));
        Assert.False(fifteen.Equals((object)other));
        Assert.False(fifteen.Equals(Rate.FromPercent(15)));
        Assert.Equal(fifteen.GetHashCode(), same.GetHashCode());
        Assert.Equal(Rate.FromPercent(15), fifteen.Rate);
        Assert.Equal("15%", fifteen.ToString());
    }

    [Fact]
    public void Only_a_zero_rate_is_zero_and_zero_pays_nothing_on_any_amount()
    {
        Assert.True(new RateFactor(Rate.Zero).IsZero);
        Assert.True(default(RateFactor).IsZero);
        Assert.False(new RateFactor(Rate.FromBasisPoints(1)).IsZero);
        Assert.Equal(0L, new RateFactor(Rate.Zero).Of(long.MinValue, RoundingMode.Up));
        Assert.Equal(0L, new RateFactor(Rate.FromPercent(15)).Of(0, RoundingMode.Up));
    }

    [Theory]
    [InlineData(0.1, 1_234_567L, 123_456L)]         // scale 1
    [InlineData(0.15, 1_234_567L, 185_185L)]        // scale 2
    [InlineData(0.125, 1_234_567L, 154_320L)]       // scale 3
    [InlineData(0.0125, 1_234_567L, 15_432L)]       // scale 4
    [InlineData(0.00125, 1_234_567L, 1_543L)]       // scale 5
    [InlineData(0.000125, 1_234_567L, 154L)]        // scale 6
    [InlineData(0.0000125, 1_234_567L, 15L)]        // scale 7: the core's rounding
    [InlineData(3.0, 1_234_567L, 3_703_701L)]       // scale 0 (3.0 is 30 tenths: scale 1)
    public void Rounding_down_by_each_power_of_ten_truncates_the_exact_product(double rate, long minorUnits, long expected)
    {
        var factor = new RateFactor(Rate.FromFraction((decimal)rate));

        Assert.Equal(expected, factor.Of(minorUnits, RoundingMode.Down));
        Assert.Equal(expected, Money.FromMinorUnits(minorUnits, Currency.CNY).Multiply(Rate.FromFraction((decimal)rate), RoundingMode.Down).MinorUnits);
    }

    [Fact]
    public void A_whole_rate_of_scale_zero_multiplies_exactly()
    {
        Assert.Equal(3_703_701L, new RateFactor(Rate.FromFraction(3m)).Of(1_234_567, RoundingMode.Down));
        Assert.Equal(-3_703_701L, new RateFactor(Rate.FromFraction(3m)).Of(-1_234_567, RoundingMode.Down));
        Assert.Equal(-1_234_567L, new RateFactor(Rate.FromFraction(-1m)).Of(1_234_567, RoundingMode.Down));
    }
}
