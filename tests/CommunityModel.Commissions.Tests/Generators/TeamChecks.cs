using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Tests.Generators;

/// <summary>The invariants every combined-plan result keeps, whatever rules it combines.</summary>
public static class TeamChecks
{
    /// <summary>Lines plus retained equal the base; nothing negative; no line above its uncapped amount; ledger keys unique.</summary>
    public static bool Conserves(OrderCommission result) =>
        result.Lines.Sum(l => l.Amount.MinorUnits) + result.CompanyRetained.MinorUnits == result.Base.MinorUnits
        && !result.CompanyRetained.IsNegative
        && result.Lines.All(l => !l.Amount.IsNegative && l.Amount <= l.UncappedAmount && l.UncappedAmount.IsPositive)
        && result.Lines.Select(l => l.Key).Distinct().Count() == result.Lines.Length;

    /// <summary>When the lines exceed <c>R_down(B × cap)</c> they total exactly that, all marked; otherwise none is touched.</summary>
    public static bool CapIsExact(OrderCommission result, Rate? payoutCap)
    {
        var uncapped = result.Lines.Sum(l => l.UncappedAmount.MinorUnits);
        if (payoutCap is not { } cap)
        {
            return result.Cap is null && result.Lines.All(l => !l.Capped && l.Amount == l.UncappedAmount);
        }

        var limit = result.Base.Multiply(cap, RoundingMode.Down).MinorUnits;
        return uncapped > limit
            ? result.TotalPaid.MinorUnits == limit && result.Cap == Money.FromMinorUnits(limit, result.Base.Currency) && result.Lines.All(l => l.Capped)
            : result.Cap is null && result.Lines.All(l => !l.Capped && l.Amount == l.UncappedAmount);
    }
}
