using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;

namespace CommunityModel;

/// <summary>Checks <see cref="CommunityOptions"/> against the membership plan and the member numbers they join.</summary>
internal static class CommunityOptionsValidator
{
    /// <summary>Every problem with the options, each naming the setting.</summary>
    public static List<string> Problems(CommunityOptions options, MembershipPlan? plan, MemberNumberOptions numbers, Currency currency)
    {
        var problems = new List<string>();
        foreach (var tier in options.PromoterTiers ?? [])
        {
            if (plan is null || !plan.TryGetTier(tier, out _))
            {
                problems.Add($"Rules:PromoterTiers names '{tier}', which is not a membership tier ({(plan is null ? "there is no membership plan" : string.Join(", ", plan.Tiers.Select(t => t.Id)))}).");
            }
        }

        if (options.PromoterSpendingThreshold is { IsZero: false } threshold && (!threshold.IsPositive || threshold.Currency != currency))
        {
            problems.Add($"Rules:PromoterSpendingThreshold is {threshold}; it must be a positive amount in {currency.Code}.");
        }

        if (plan is not null && plan.Tiers.Any(t => !numbers.Prefixes.ContainsKey(t.Id)) && !numbers.Prefixes.ContainsKey(options.DefaultNumberCategory ?? string.Empty))
        {
            problems.Add($"Rules:DefaultNumberCategory '{options.DefaultNumberCategory}' has no prefix under MemberNumbers:Prefixes, and tiers without their own prefix are numbered under it.");
        }

        return problems;
    }
}
