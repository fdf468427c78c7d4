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
                Kind = ConfigurationText.Enum<ProductKind>(item, "Kind", problems) ?? ProductKind.Other,
                Price = ConfigurationText.Money(item, "Price", problems) ?? default,
                Tier = ConfigurationText.Enum<LadderTier>(item, "Tier", problems),
                Days = ConfigurationText.Int(item, "Days", problems) ?? 0,
                Nights = ConfigurationText.Int(item, "Nights", problems) ?? 0,
            };
            options.Products.Add(product);
        }

        var bands = section.GetSection("PriceBands");
        if (bands.Exists())
        {
            options.PriceBands = new PriceBandOptions
            {
                EntryFrom = ConfigurationText.Money(bands, "EntryFrom", problems) ?? default,
                HighTicketFrom = ConfigurationText.Money(bands, "HighTicketFrom", problems) ?? default,
                PremiumFrom = ConfigurationText.Money(bands, "PremiumFrom", problems) ?? default,
            };
        }
    }

    public static void Read(IConfiguration section, MembershipOptions options)
    {
        var problems = options.BindingProblems;
        options.TimeZone = section["TimeZone"] ?? options.TimeZone;
        options.RenewalGraceDays = ConfigurationText.Int(section, "RenewalGraceDays", problems) ?? options.RenewalGraceDays;
        options.CoolingOffDays = ConfigurationText.Int(section, "CoolingOffDays", problems) ?? options.CoolingOffDays;
        options.UpgradeTiming = ConfigurationText.Enum<UpgradeTiming>(section, "UpgradeTiming", problems) ?? options.UpgradeTiming;
        options.UpgradeTerm = ConfigurationText.Enum<UpgradeTermPolicy>(section, "UpgradeTerm", problems) ?? options.UpgradeTerm;
        options.DayCount = ConfigurationText.Enum<DayCount>(section, "DayCount", problems) ?? options.DayCount;
        foreach (var item in section.GetSection("Tiers").GetChildren())
        {
            var tier = new MembershipTierOptions
            {
                Id = item["Id"] ?? "",
                Name = item["Name"],
                Price = ConfigurationText.Money(item, "Price", problems) ?? default,
                Includes = item["Includes"],
                GrantsPromotionRights = ConfigurationText.Bool(item, "GrantsPromotionRights", problems) ?? false,
                ShoppingDiscount = ConfigurationText.Rate(item, "ShoppingDiscount", problems) ?? default,
            };
            tier.TermMonths = ConfigurationText.Int(item, "TermMonths", problems) ?? tier.TermMonths;
            foreach (var entitlement in item.GetSection("Entitlements").GetChildren())
            {
                tier.Entitlements.Add(new EntitlementOptions { ProductId = entitlement["ProductId"] ?? "", Quantity = ConfigurationText.Int(entitlement, "Quantity", problems) });
            }

            options.Tiers.Add(tier);
        }
    }
}
