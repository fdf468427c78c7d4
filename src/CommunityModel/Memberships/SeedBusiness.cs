using CommunityModel.Catalog;

namespace CommunityModel.Memberships;

/// <summary>
/// The business of seed 001 (桔子会) as a preset: sell two membership identities instead of many
/// courses (卖会员而不是卖课程). VIP is 3,600 CNY a year for the online course series, community
/// service and one two-day, one-night offline course (6,160 à la carte); KA is 120,000 CNY a year
/// for all of VIP plus three back-end courses, 200,000 à la carte. A 399 CNY gift pack (大礼包)
/// makes its buyer a member-promoter with a 10% shopping discount. Prices of single products are
/// illustrative, chosen so the bundles match the seed.
/// </summary>
public static class SeedBusiness
{
    /// <summary>The VIP tier id.</summary>
    public const string Vip = "vip";

    /// <summary>The KA tier id.</summary>
    public const string Ka = "ka";

    /// <summary>The gift-pack tier id.</summary>
    public const string GiftPackTier = "gift-pack";

    /// <summary>A 9.90 CNY trial class (lead magnet).</summary>
    public const string TrialClass = "trial-class";

    /// <summary>A 199 CNY bootcamp, 训练营 (entry).</summary>
    public const string Bootcamp = "bootcamp";

    /// <summary>The online course series, 1,980 CNY.</summary>
    public const string OnlineCourses = "online-courses";

    /// <summary>A year of community service, 1,200 CNY.</summary>
    public const string CommunityService = "community-service";

    /// <summary>The two-day, one-night offline course (2天1夜), 2,980 CNY.</summary>
    public const string OfflineCourse = "offline-2d1n";

    /// <summary>Back-end course on capital, 40,000 CNY.</summary>
    public const string BackEndCapital = "backend-capital";

    /// <summary>Back-end course on operations, 50,000 CNY.</summary>
    public const string BackEndOperations = "backend-operations";

    /// <summary>Private board coaching (私董会), 103,840 CNY.</summary>
    public const string PrivateBoard = "private-board";

    /// <summary>The 399 CNY gift pack (大礼包).</summary>
    public const string GiftPack = "gift-pack";

    /// <summary>The partner package (合伙人), 300,000 CNY.</summary>
    public const string PartnerPackage = "partner-package";

    /// <summary>The seed catalog.</summary>
    /// <returns>A new catalog.</returns>
    public static ProductCatalog CreateCatalog() => new CatalogBuilder().UseSeedBusiness().Build();

    /// <summary>The seed plan over the seed catalog, with the default policies (Asia/Shanghai, 30 days' grace, 7 days' cooling-off, immediate upgrades keeping the term end, actual days).</summary>
    /// <returns>A new plan.</returns>
    public static MembershipPlan CreatePlan() => new MembershipPlanBuilder().UseSeedBusiness().Build(CreateCatalog());

    internal static void AddProducts(CatalogBuilder catalog) => catalog
        .AddProduct(TrialClass, "Trial class", ProductKind.OnlineCourse, Money.Cny(9.90m))
        .AddProduct(Bootcamp, "Bootcamp", ProductKind.OnlineCourse, Money.Cny(199m))
        .AddProduct(GiftPack, "Gift pack", ProductKind.GiftPack, Money.Cny(399m))
        .AddProduct(OnlineCourses, "Online course series", ProductKind.OnlineCourse, Money.Cny(1980m))
        .AddProduct(CommunityService, "Community service, one year", ProductKind.CommunityService, Money.Cny(1200m))
        .AddOfflineCourse(OfflineCourse, "Two-day offline course", Money.Cny(2980m), days: 2, nights: 1)
        .AddOfflineCourse(BackEndCapital, "Back-end course: capital", Money.Cny(40000m), days: 3, nights: 2)
        .AddOfflineCourse(BackEndOperations, "Back-end course: operations", Money.Cny(50000m), days: 3, nights: 2)
        .AddProduct(PrivateBoard, "Private board coaching", ProductKind.Coaching, Money.Cny(103840m))
        .AddProduct(PartnerPackage, "Partner package", ProductKind.PartnerPackage, Money.Cny(300000m))
        .WithPriceBands(entryFrom: Money.Cny(50m), highTicketFrom: Money.Cny(1000m), premiumFrom: Money.Cny(10000m));

    internal static void AddTiers(MembershipPlanBuilder plan) => plan
        .AddTier(GiftPackTier, "Gift pack member-promoter", Money.Cny(399m), t => t
            .Entitle(GiftPack, 1)
            .GrantingPromotionRights(Rate.FromPercent(10m)))
        .AddTier(Vip, "VIP", Money.Cny(3600m), t => t
            .Entitle(OnlineCourses)
            .Entitle(CommunityService)
            .Entitle(OfflineCourse, 1))
        .AddTier(Ka, "KA", Money.Cny(120000m), t => t
            .Including(Vip)
            .Entitle(BackEndCapital, 1)
            .Entitle(BackEndOperations, 1)
            .Entitle(PrivateBoard, 1));
}
