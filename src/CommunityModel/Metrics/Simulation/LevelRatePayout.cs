using System.Collections.Immutable;

namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// The default payout model: every sale pays a fixed rate to each level of a full upline (level 1 first), each
/// level's amount rounded down to the minor unit. It is the most a plan with these level rates can pay on a sale.
/// </summary>
public sealed class LevelRatePayout : ICommissionPayout
{
    /// <summary>Creates the model.</summary>
    /// <param name="levelRates">The rate paid to each level, level 1 first; each within [0, 1], together at most 100%.</param>
    /// <param name="payoutCap">The payout cap to report against, within [0, 1]; <see langword="null"/> for none.</param>
    /// <exception cref="SimulationException">A rate or the cap is outside [0, 1], or the rates add up to more than 100% (code <c>simulation.invalid_payout</c>).</exception>
    public LevelRatePayout(IEnumerable<Rate> levelRates, Rate? payoutCap = null)
    {
        ArgumentNullException.ThrowIfNull(levelRates);
        var rates = levelRates.ToImmutableArray();
        if (Problem(rates, payoutCap) is { } problem)
        {
            throw new SimulationException(ErrorCodes.SimulationInvalidPayout, problem);
        }

        LevelRates = rates;
        PayoutCap = payoutCap;
    }

    /// <inheritdoc/>
    public string Name => "level-rates";

    /// <summary>The rate paid to each level, level 1 first.</summary>
    public ImmutableArray<Rate> LevelRates { get; }

    /// <inheritdoc/>
    public Rate? PayoutCap { get; }

    /// <inheritdoc/>
    public Money CommissionOn(SimulatedProduct product, Money unitPrice)
    {
        var paid = Money.Zero(unitPrice.Currency);
        foreach (var rate in LevelRates)
        {
            paid += unitPrice.Multiply(rate, RoundingMode.Down);
        }

        return paid;
    }

    internal static string? Problem(IReadOnlyList<Rate> rates, Rate? payoutCap)
    {
        var sum = Rate.Zero;
        for (var i = 0; i < rates.Count; i++)
        {
            if (!rates[i].IsBetweenZeroAndOne)
            {
                return $"Level {i + 1} pays {rates[i]}; a level rate must be within 0% and 100%.";
            }

            sum += rates[i];
        }

        if (sum > Rate.One)
        {
            return $"The level rates add up to {sum}; together they may pay at most 100% of a sale.";
        }

        return payoutCap is { IsBetweenZeroAndOne: false } cap ? $"The payout cap is {cap}; it must be within 0% and 100%." : null;
    }
}
