using System.Globalization;

namespace CommunityModel.Tests;

/// <summary>Rates at their exact boundaries: 0% and 100%, equal rates, the smaller and larger of two, the caller's culture, and refusals that name the input.</summary>
public class RateBoundaryTests
{
    [Fact]
    public void Zero_and_one_hundred_percent_are_both_inside_the_valid_range_and_zero_is_not_negative()
    {
        Assert.Equal((true, true), (Rate.Zero.IsBetweenZeroAndOne, Rate.One.IsBetweenZeroAndOne));
        Assert.Equal((false, false), (Rate.FromFraction(-0.0001m).IsBetweenZeroAndOne, Rate.FromFraction(1.0001m).IsBetweenZeroAndOne));
        Assert.False(Rate.Zero.IsNegative);
        Assert.True(Rate.FromFraction(-0.0001m).IsNegative);
    }

    [Fact]
    public void The_smaller_and_the_larger_of_two_rates_whichever_comes_first_and_equal_rates_compare_equal()
    {
        var low = Rate.FromPercent(5);
        var high = Rate.FromPercent(10);

        Assert.Equal((low, low), (Rate.Min(low, high), Rate.Min(high, low)));
        Assert.Equal((high, high), (Rate.Max(low, high), Rate.Max(high, low)));
        Assert.Equal((false, false), (low < Rate.FromPercent(5), low > Rate.FromPercent(5)));
    }

    [Fact]
    public void A_share_of_nothing_or_across_currencies_is_refused_naming_the_part()
    {
        Assert.Equal("Cannot express ¥1.00 as a share of a zero amount.", Assert.Throws<DivideByZeroException>(() => Rate.Of(Money.Cny(1m), Money.Zero(Currency.CNY))).Message);
        Assert.Equal("Cannot express 3 as a share of zero.", Assert.Throws<DivideByZeroException>(() => Rate.Of(3, 0)).Message);
        Assert.Contains("Cannot take the ratio of amounts in CNY and USD", Assert.Throws<CurrencyMismatchException>(() => Rate.Of(Money.Cny(1m), Money.Usd(2m))).Message, StringComparison.Ordinal);
        Assert.Equal("Object must be of type Rate. (Parameter 'obj')", Assert.Throws<ArgumentException>(() => ((IComparable)Rate.One).CompareTo("100%")).Message);
    }

    [Fact]
    public void The_fraction_format_drops_trailing_zeros_and_parsing_uses_the_callers_culture()
    {
        var comma = new NumberFormatInfo { NumberDecimalSeparator = ",", PercentDecimalSeparator = "," };

        Assert.Equal("0.125", Rate.FromFraction(0.1250m).ToString("F", null));
        Assert.Equal(Rate.FromPercent(12.5m), Rate.Parse("12,5%", comma));
        Assert.Contains("'X' is not a rate format", Assert.Throws<FormatException>(() => Rate.One.ToString("X", null)).Message, StringComparison.Ordinal);
    }
}
