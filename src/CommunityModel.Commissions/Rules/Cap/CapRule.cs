using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The per-order payout cap as a rule kind: its validation and its step, last of all: when the lines exceed
/// <c>R_down(B·cap)</c>, every line is scaled to exactly the cap by largest remainder (weights: the amounts; ties:
/// line order). Immutable; built once per plan.
/// </summary>
internal sealed class CapRule(Rate cap)
{
    private readonly RateFactor _cap = new(cap);

    /// <summary>Adds the problem of a cap outside 0% to 100%.</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        if (options.PayoutCap is { IsBetweenZeroAndOne: false } cap)
        {
            problems.Add(new(CommissionErrorCodes.InvalidPayoutCap, $"PayoutCap is {cap}; a cap is between 0% and 100% of the base."));
        }
    }

    /// <summary>Scales the order's lines down to the cap when they exceed it.</summary>
    internal void Apply(ref OrderPayment payment)
    {
        if (payment.Count == 0)
        {
            return;
        }

        var lines = payment.Lines[..payment.Count];
        var cap = _cap.Of(payment.Base, RoundingMode.Down);
        if (payment.Base - payment.Remaining <= cap)
        {
            return;
        }

        Span<long> weights = lines.Length <= 128 ? stackalloc long[lines.Length] : new long[lines.Length];
        Span<long> parts = lines.Length <= 128 ? stackalloc long[lines.Length] : new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            weights[i] = lines[i].Amount;
        }

        LargestRemainder.Allocate(cap, weights, parts);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i].Amount = parts[i];
            lines[i].Capped = true;
        }
    }
}
