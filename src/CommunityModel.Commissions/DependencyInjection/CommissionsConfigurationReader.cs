using System.Globalization;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Plans;
using Microsoft.Extensions.Configuration;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Reads <see cref="CommissionsOptions"/> from configuration without reflection (AOT- and trim-clean).
/// Written by hand because the configuration-binding source generator binds <see cref="Money"/>,
/// <see cref="Rate"/> and <see cref="Currency"/> member by member and ignores their text form
/// (<c>"10%"</c>, <c>"3.00 CNY"</c>, <c>"CNY"</c>). A value that does not parse names its path.
/// </summary>
internal static class CommissionsConfigurationReader
{
    internal static void Read(IConfiguration section, CommissionsOptions options)
    {
        var plan = section.GetSection("Plan");
        if (plan.Exists())
        {
            ReadPlan(plan, options.Plan);
        }

        var ledger = section.GetSection("Ledger");
        if (ledger.Exists())
        {
            var l = options.Ledger;
            l.Currency = Value(ledger, "Currency", s => Currency.Parse(s, CultureInfo.InvariantCulture), l.Currency);
            l.FreezePeriod = Value(ledger, "FreezePeriod", s => TimeSpan.Parse(s, CultureInfo.InvariantCulture), l.FreezePeriod);
            l.MinimumWithdrawal = Value(ledger, "MinimumWithdrawal", s => Money.Parse(s, CultureInfo.InvariantCulture), l.MinimumWithdrawal);
            l.WithdrawalFee = Value(ledger, "WithdrawalFee", s => Rate.Parse(s, CultureInfo.InvariantCulture), l.WithdrawalFee);
        }

        foreach (var profile in section.GetSection("ComplianceProfiles").GetChildren())
        {
            options.ComplianceProfiles.Add(new ComplianceProfile
            {
                Name = profile["Name"] ?? "",
                Description = profile["Description"] ?? "",
                MaxLevels = Value<int?>(profile, "MaxLevels", s => int.Parse(s, CultureInfo.InvariantCulture), null),
                PayoutCap = Value<Rate?>(profile, "PayoutCap", s => Rate.Parse(s, CultureInfo.InvariantCulture), null),
                ForbidsRecruitmentPay = Value(profile, "ForbidsRecruitmentPay", s => bool.Parse(s), false),
                ForbidsEntryFee = Value(profile, "ForbidsEntryFee", s => bool.Parse(s), false),
                ForbidsTeamCompensation = Value(profile, "ForbidsTeamCompensation", s => bool.Parse(s), false),
                Severity = Value(profile, "Severity", s => Enum.Parse<ComplianceSeverity>(s, ignoreCase: true), ComplianceSeverity.Error),
            });
        }
    }

    private static void ReadPlan(IConfigurationSection plan, CommissionPlanOptions options)
    {
        options.Name = plan["Name"] ?? options.Name;
        options.Currency = Value(plan, "Currency", s => Currency.Parse(s, CultureInfo.InvariantCulture), options.Currency);
        if (plan.GetSection("Levels").Exists())
        {
            options.Levels = Levels(plan.GetSection("Levels"));
        }

        foreach (var product in plan.GetSection("ProductOverrides").GetChildren())
        {
            options.ProductOverrides[product.Key] = Levels(product);
        }

        foreach (var tier in plan.GetSection("TierOverrides").GetChildren())
        {
            options.TierOverrides[tier.Key] = Levels(tier);
        }

        AddAll(plan.GetSection("ExcludedProducts"), options.ExcludedProducts);
        AddAll(plan.GetSection("ExcludedOrderKinds"), options.ExcludedOrderKinds);
        AddAll(plan.GetSection("JoiningProducts"), options.JoiningProducts);
        options.Base = Value(plan, "Base", s => Enum.Parse<CommissionBase>(s, ignoreCase: true), options.Base);
        options.Earners = Value(plan, "Earners", s => Enum.Parse<EarnerEligibility>(s, ignoreCase: true), options.Earners);
        options.IneligibleUpline = Value(plan, "IneligibleUpline", s => Enum.Parse<IneligibleUplinePolicy>(s, ignoreCase: true), options.IneligibleUpline);
        options.Rounding = Value(plan, "Rounding", s => Enum.Parse<RoundingMode>(s, ignoreCase: true), options.Rounding);
    }

    // Children are ordered by index ("0", "1", ...), so level n is always the n-th entry.
    private static List<CommissionLevelOptions> Levels(IConfigurationSection levels) =>
        [.. levels.GetChildren()
            .OrderBy(l => int.TryParse(l.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(l => new CommissionLevelOptions
            {
                Rate = Value<Rate?>(l, "Rate", s => Rate.Parse(s, CultureInfo.InvariantCulture), null),
                FixedAmount = Value<Money?>(l, "FixedAmount", s => Money.Parse(s, CultureInfo.InvariantCulture), null),
            })];

    private static void AddAll(IConfigurationSection list, IList<string> target)
    {
        foreach (var item in list.GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(item.Value))
            {
                target.Add(item.Value);
            }
        }
    }

    private static T Value<T>(IConfiguration section, string key, Func<string, T> parse, T fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or CommunityModelException)
        {
            var path = section is IConfigurationSection s ? $"{s.Path}:{key}" : key;
            throw new CommissionException(CommissionErrorCodes.InvalidConfiguration, $"Configuration value '{text}' at {path} is not a valid {typeof(T).Name.TrimEnd('`', '1')}: {e.Message}", e);
        }
    }
}
