using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Rules;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Paying;
using CommunityModel.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Reads <see cref="CommissionsOptions"/> from configuration without reflection (AOT- and trim-clean), through
/// the core's <see cref="ConfigurationText"/>: the configuration-binding source generator ignores the text form
/// of <see cref="Money"/>, <see cref="Rate"/> and <see cref="Currency"/> (<c>"10%"</c>, <c>"3.00 CNY"</c>, <c>"CNY"</c>).
/// Every value that does not parse is named by its path, all in one error.
/// </summary>
internal static class CommissionsConfigurationReader
{
    internal static void Read(IConfiguration section, CommissionsOptions options)
    {
        var problems = new List<string>();
        var plan = section.GetSection("Plan");
        if (plan.Exists())
        {
            ReadPlan(plan, options.Plan, problems);
        }

        var ledger = section.GetSection("Ledger");
        if (ledger.Exists())
        {
            var l = options.Ledger;
            l.Currency = ConfigurationText.Currency(ledger, "Currency", problems) ?? l.Currency;
            l.FreezePeriod = ConfigurationText.TimeSpan(ledger, "FreezePeriod", problems) ?? l.FreezePeriod;
            l.MinimumWithdrawal = ConfigurationText.Money(ledger, "MinimumWithdrawal", problems) ?? l.MinimumWithdrawal;
            l.WithdrawalFee = ConfigurationText.Rate(ledger, "WithdrawalFee", problems) ?? l.WithdrawalFee;
        }

        if (section.GetSection("Compensation").Exists())
        {
            problems.Add("Compensation is not a setting: a plan's rules (Levels, Ranks, PeerBonus, Roles, PayoutCap) all go under Plan.");
        }

        foreach (var role in section.GetSection("CommunityRoles").GetChildren())
        {
            options.CommunityRoles[role.Key] = role.Value ?? "";
        }

        var run = section.GetSection("Run");
        if (run.Exists())
        {
            options.Run.MaxDegreeOfParallelism = ConfigurationText.Int(run, "MaxDegreeOfParallelism", problems) ?? options.Run.MaxDegreeOfParallelism;
            options.Run.ChunkSize = ConfigurationText.Int(run, "ChunkSize", problems) ?? options.Run.ChunkSize;
        }

        foreach (var profile in section.GetSection("ComplianceProfiles").GetChildren())
        {
            options.ComplianceProfiles.Add(new ComplianceProfile
            {
                Name = profile["Name"] ?? "",
                Description = profile["Description"] ?? "",
                MaxLevels = ConfigurationText.Int(profile, "MaxLevels", problems),
                PayoutCap = ConfigurationText.Rate(profile, "PayoutCap", problems),
                ForbidsRecruitmentPay = ConfigurationText.Bool(profile, "ForbidsRecruitmentPay", problems) ?? false,
                ForbidsEntryFee = ConfigurationText.Bool(profile, "ForbidsEntryFee", problems) ?? false,
                ForbidsTeamCompensation = ConfigurationText.Bool(profile, "ForbidsTeamCompensation", problems) ?? false,
                ThresholdParticipants = ConfigurationText.Int(profile, "ThresholdParticipants", problems),
                ThresholdLevels = ConfigurationText.Int(profile, "ThresholdLevels", problems),
                Severity = ConfigurationText.Enum<ComplianceSeverity>(profile, "Severity", problems) ?? ComplianceSeverity.Error,
            });
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(CommissionsOptions), problems);
        }
    }

    private static void ReadPlan(IConfigurationSection plan, CommissionPlanOptions options, List<string> problems)
    {
        options.Name = plan["Name"] ?? options.Name;
        options.Currency = ConfigurationText.Currency(plan, "Currency", problems) ?? options.Currency;
        if (plan.GetSection("Levels").Exists())
        {
            options.Levels = Levels(plan.GetSection("Levels"), problems);
        }

        ReadOverridesAndExclusions(plan, options.ProductOverrides, options.TierOverrides, options.ExcludedProducts, options.ExcludedOrderKinds, problems);
        AddAll(plan.GetSection("JoiningProducts"), options.JoiningProducts);

        // Rank n is always the n-th entry: the ladder's order is its meaning.
        if (plan.GetSection("Ranks").Exists())
        {
            options.Ranks = [.. ConfigurationText.Items(plan.GetSection("Ranks")).Select(r => new RankOptions
            {
                Code = r["Code"] ?? "",
                Name = r["Name"] ?? "",
                DifferentialRate = ConfigurationText.Rate(r, "DifferentialRate", problems) ?? Rate.Zero,
                PeerRate = ConfigurationText.Rate(r, "PeerRate", problems),
                MinPersonalVolume = ConfigurationText.Money(r, "MinPersonalVolume", problems),
                MinTeamVolume = ConfigurationText.Money(r, "MinTeamVolume", problems),
                MinDirectReferrals = ConfigurationText.Int(r, "MinDirectReferrals", problems) ?? 0,
                MinQualifiedLegs = ConfigurationText.Int(r, "MinQualifiedLegs", problems) ?? 0,
                LegRank = r["LegRank"],
            })];
        }

        var peer = plan.GetSection("PeerBonus");
        if (peer.Exists())
        {
            options.PeerBonus = new PeerBonusOptions
            {
                Rate = ConfigurationText.Rate(peer, "Rate", problems) ?? Rate.Zero,
                Basis = ConfigurationText.Enum<PeerBonusBasis>(peer, "Basis", problems) ?? PeerBonusBasis.OfBase,
                Generations = ConfigurationText.Int(peer, "Generations", problems) ?? 1,
                GenerationRates = [.. ConfigurationText.Items(peer.GetSection("GenerationRates")).Select(r => ConfigurationText.Rate(peer.GetSection("GenerationRates"), r.Key, problems) ?? Rate.Zero)],
            };
        }

        // Roles are paid in their listed order: entry i is always the i-th role, its bands lowest first.
        if (plan.GetSection("Roles").Exists())
        {
            options.Roles = [.. ConfigurationText.Items(plan.GetSection("Roles")).Select(r => new RoleOptions
            {
                Role = r["Role"] ?? "",
                Rate = ConfigurationText.Rate(r, "Rate", problems),
                Amount = ConfigurationText.Money(r, "Amount", problems),
                Mode = ConfigurationText.Enum<StaffBandMode>(r, "Mode", problems) ?? StaffBandMode.WholeVolume,
                Bands = [.. ConfigurationText.Items(r.GetSection("Bands")).Select(b => new StaffBandOptions
                {
                    From = ConfigurationText.Money(b, "From", problems),
                    Rate = ConfigurationText.Rate(b, "Rate", problems),
                })],
            })];
        }

        options.SellerEarnsOwnRank = ConfigurationText.Bool(plan, "SellerEarnsOwnRank", problems) ?? options.SellerEarnsOwnRank;
        options.MaxDepth = ConfigurationText.Int(plan, "MaxDepth", problems) ?? options.MaxDepth;
        options.SelfPurchase = ConfigurationText.Bool(plan, "SelfPurchase", problems) ?? options.SelfPurchase;
        options.PayoutCap = ConfigurationText.Rate(plan, "PayoutCap", problems) ?? options.PayoutCap;
        options.MinPersonalVolumeToEarn = ConfigurationText.Money(plan, "MinPersonalVolumeToEarn", problems) ?? options.MinPersonalVolumeToEarn;
        options.RankRetention = ConfigurationText.Enum<RankRetention>(plan, "RankRetention", problems) ?? options.RankRetention;
        options.SplitOffVolume = ConfigurationText.Enum<SplitOffVolume>(plan, "SplitOffVolume", problems) ?? options.SplitOffVolume;
        options.Base = ConfigurationText.Enum<CommissionBase>(plan, "Base", problems) ?? options.Base;
        options.Earners = ConfigurationText.Enum<EarnerEligibility>(plan, "Earners", problems) ?? options.Earners;
        options.IneligibleUpline = ConfigurationText.Enum<IneligibleUplinePolicy>(plan, "IneligibleUpline", problems) ?? options.IneligibleUpline;
        options.Rounding = ConfigurationText.Enum<RoundingMode>(plan, "Rounding", problems) ?? options.Rounding;
    }

    // ProductOverrides:<id>:<n>, TierOverrides:<tier>:<n>, ExcludedProducts, ExcludedOrderKinds.
    private static void ReadOverridesAndExclusions(
        IConfigurationSection plan,
        IDictionary<string, IList<CommissionLevelOptions>> productOverrides,
        IDictionary<string, IList<CommissionLevelOptions>> tierOverrides,
        IList<string> excludedProducts,
        IList<string> excludedKinds,
        List<string> problems)
    {
        foreach (var product in plan.GetSection("ProductOverrides").GetChildren())
        {
            productOverrides[product.Key] = Levels(product, problems);
        }

        foreach (var tier in plan.GetSection("TierOverrides").GetChildren())
        {
            tierOverrides[tier.Key] = Levels(tier, problems);
        }

        AddAll(plan.GetSection("ExcludedProducts"), excludedProducts);
        AddAll(plan.GetSection("ExcludedOrderKinds"), excludedKinds);
    }

    // Level n is always the n-th entry, whatever order the provider lists the children in.
    private static List<CommissionLevelOptions> Levels(IConfigurationSection levels, List<string> problems) =>
        [.. ConfigurationText.Items(levels).Select(l => new CommissionLevelOptions
        {
            Rate = ConfigurationText.Rate(l, "Rate", problems),
            FixedAmount = ConfigurationText.Money(l, "FixedAmount", problems),
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
}
