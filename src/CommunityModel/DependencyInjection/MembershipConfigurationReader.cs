using System.Globalization;
using CommunityModel.Catalog;
using CommunityModel.Memberships;
using Microsoft.Extensions.Configuration;

namespace CommunityModel.DependencyInjection;

/// <summary>
/// Reads catalog and membership options from configuration by hand. The configuration-binding source
/// generator would treat <see cref="Money"/> and <see cref="Rate"/> as objects built from their
/// constructors and silently skip text such as <c>"3600.00 CNY"</c>; reading them explicitly keeps
/// binding reflection-free (AOT and trim clean) and turns bad text into start-up validation errors.
/// </summary>
internal static class MembershipConfigurationReader
{
    public static void Read(IConfiguration section, CatalogOptions options)
    {
        var problems = options.BindingProblems;
        foreach (var item in section.GetSection("Products").GetChildren())
        {
            var product = new ProductOptions
            {
                Id = item["Id"] ?? "",
                Name = item["Name"],
                Kind = Enum<ProductKind>(item, "Kind", problems) ?? ProductKind.Other,
                Price = Money(item, "Price", problems) ?? default,
                Tier = Enum<LadderTier>(item, "Tier", problems),
                Days = Int(item, "Days", problems) ?? 0,
                Nights = Int(item, "Nights", problems) ?? 0,
            };
            options.Products.Add(product);
        }

        var bands = section.GetSection("PriceBands");
        if (bands.Exists())
        {
            options.PriceBands = new PriceBandOptions
            {
                EntryFrom = Money(bands, "EntryFrom", problems) ?? default,
                HighTicketFrom = Money(bands, "HighTicketFrom", problems) ?? default,
                PremiumFrom = Money(bands, "PremiumFrom", problems) ?? default,
            };
        }
    }

    public static void Read(IConfiguration section, MembershipOptions options)
    {
        var problems = options.BindingProblems;
        options.TimeZone = section["TimeZone"] ?? options.TimeZone;
        options.RenewalGraceDays = Int(section, "RenewalGraceDays", problems) ?? options.RenewalGraceDays;
        options.CoolingOffDays = Int(section, "CoolingOffDays", problems) ?? options.CoolingOffDays;
        options.UpgradeTiming = Enum<UpgradeTiming>(section, "UpgradeTiming", problems) ?? options.UpgradeTiming;
        options.UpgradeTerm = Enum<UpgradeTermPolicy>(section, "UpgradeTerm", problems) ?? options.UpgradeTerm;
        options.DayCount = Enum<DayCount>(section, "DayCount", problems) ?? options.DayCount;
        foreach (var item in section.GetSection("Tiers").GetChildren())
        {
            var tier = new MembershipTierOptions
            {
                Id = item["Id"] ?? "",
                Name = item["Name"],
                Price = Money(item, "Price", problems) ?? default,
                Includes = item["Includes"],
                GrantsPromotionRights = Bool(item, "GrantsPromotionRights", problems) ?? false,
                ShoppingDiscount = Rate(item, "ShoppingDiscount", problems) ?? default,
            };
            tier.TermMonths = Int(item, "TermMonths", problems) ?? tier.TermMonths;
            foreach (var entitlement in item.GetSection("Entitlements").GetChildren())
            {
                tier.Entitlements.Add(new EntitlementOptions { ProductId = entitlement["ProductId"] ?? "", Quantity = Int(entitlement, "Quantity", problems) });
            }

            options.Tiers.Add(tier);
        }
    }

    private static Money? Money(IConfiguration section, string key, IList<string> problems) =>
        Parse<Money>(section, key, problems, "an amount with its currency, e.g. '3600.00 CNY'", text => CommunityModel.Money.TryParse(text, CultureInfo.InvariantCulture, out var m) ? m : (Money?)null);

    private static Rate? Rate(IConfiguration section, string key, IList<string> problems) =>
        Parse<Rate>(section, key, problems, "a rate, e.g. '10%'", text => CommunityModel.Rate.TryParse(text, CultureInfo.InvariantCulture, out var r) ? r : (Rate?)null);

    private static int? Int(IConfiguration section, string key, IList<string> problems) =>
        Parse<int>(section, key, problems, "a whole number", text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : (int?)null);

    private static bool? Bool(IConfiguration section, string key, IList<string> problems) =>
        Parse<bool>(section, key, problems, "true or false", text => bool.TryParse(text, out var b) ? b : (bool?)null);

    private static T? Enum<T>(IConfiguration section, string key, IList<string> problems)
        where T : struct, Enum =>
        Parse<T>(section, key, problems, "one of " + string.Join(", ", System.Enum.GetNames<T>()), text => System.Enum.TryParse<T>(text, ignoreCase: true, out var e) && System.Enum.IsDefined(e) ? e : (T?)null);

    private static T? Parse<T>(IConfiguration section, string key, IList<string> problems, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            var path = section is IConfigurationSection s ? s.Path + ":" + key : key;
            problems.Add($"{path} is '{text}', which is not {expected}.");
        }

        return value;
    }
}
