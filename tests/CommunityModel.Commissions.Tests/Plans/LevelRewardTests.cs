using CommunityModel.Commissions.Plans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityModel.Commissions.Tests.Plans;

public sealed class LevelRewardTests
{
    [Fact]
    public void Rewards_of_the_same_rate_are_equal_whatever_the_rate_was_written_as()
    {
        var fromPercent = LevelReward.OfRate(Rate.FromPercent(10m));
        var fromFraction = LevelReward.OfRate(Rate.FromFraction(0.100m));

        Assert.Equal(fromPercent, fromFraction);
        Assert.Equal(fromPercent.GetHashCode(), fromFraction.GetHashCode());
        Assert.NotEqual(fromPercent, LevelReward.OfRate(Rate.FromPercent(11m)));
    }

    [Fact]
    public void A_rate_and_a_fixed_amount_are_never_equal()
    {
        Assert.NotEqual(LevelReward.OfRate(Rate.FromPercent(10m)), LevelReward.OfFixedAmount(Money.Cny(0.10m)));
        Assert.Equal(LevelReward.OfFixedAmount(Money.Cny(30m)), LevelReward.OfFixedAmount(Money.Cny(30.00m)));
        Assert.NotEqual(LevelReward.OfFixedAmount(Money.Cny(30m)), LevelReward.OfFixedAmount(Money.Usd(30m)));
    }

    [Property(MaxTest = 1000)]
    public Property Equal_rates_in_any_scale_give_equal_rewards_with_equal_hashes() =>
        Prop.ForAll(Gen.Choose(0, 10_000).Select(bp => (long)bp).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (basisPoints, extraScale) =>
        {
            var plain = Rate.FromBasisPoints(basisPoints);
            var padded = Rate.FromFraction(decimal.Parse((basisPoints / 10_000m).ToString("F" + (4 + extraScale), System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
            var a = LevelReward.OfRate(plain);
            var b = LevelReward.OfRate(padded);
            return a.Equals(b) && a.GetHashCode() == b.GetHashCode() && a == b;
        });
}
