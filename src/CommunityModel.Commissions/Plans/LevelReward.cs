namespace CommunityModel.Commissions.Plans;

/// <summary>
/// What one level pays: exactly one of a rate of the base or a fixed amount. Immutable; a plan creates
/// its rewards once, and every commission line it pays refers to them.
/// </summary>
public sealed record LevelReward
{
    private LevelReward(Rate? rate, Money? fixedAmount)
    {
        Rate = rate;
        FixedAmount = fixedAmount;
    }

    /// <summary>The rate of the commissionable base; <see langword="null"/> for a fixed amount.</summary>
    public Rate? Rate { get; }

    /// <summary>The fixed amount; <see langword="null"/> for a rate.</summary>
    public Money? FixedAmount { get; }

    /// <summary>A reward of a rate of the base.</summary>
    /// <param name="rate">The rate, 0% to 100%.</param>
    /// <returns>The reward.</returns>
    public static LevelReward OfRate(Rate rate) => new(rate, null);

    /// <summary>A reward of a fixed amount per order line.</summary>
    /// <param name="amount">The amount, zero or more.</param>
    /// <returns>The reward.</returns>
    public static LevelReward OfFixedAmount(Money amount) => new(null, amount);

    /// <summary>Whether two rewards pay the same: equal rates (<c>10%</c> equals <c>0.100</c>) or equal fixed amounts.</summary>
    /// <param name="other">The other reward.</param>
    /// <returns><see langword="true"/> when both pay the same.</returns>
    public bool Equals(LevelReward? other) => other is not null && Rate == other.Rate && FixedAmount == other.FixedAmount;

    /// <summary>A hash consistent with <see cref="Equals(LevelReward?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Rate, FixedAmount);

    /// <summary>Formats as the rate (<c>10%</c>) or the amount (<c>¥30.00</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FixedAmount?.ToString() ?? Rate.GetValueOrDefault().ToString();
}
