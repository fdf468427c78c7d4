namespace CommunityModel.Catalog;

/// <summary>What a product is. Display names in Chinese and English belong to the integrator's resources.</summary>
public enum ProductKind
{
    /// <summary>An online course or course series (线上课).</summary>
    OnlineCourse,

    /// <summary>An offline course held over a number of days and nights (线下课, e.g. 2天1夜).</summary>
    OfflineCourse,

    /// <summary>A community service, such as a year in the member group with its services (社群服务).</summary>
    CommunityService,

    /// <summary>One-to-one or small-group coaching (辅导).</summary>
    Coaching,

    /// <summary>A gift pack that makes its buyer a member-promoter (大礼包).</summary>
    GiftPack,

    /// <summary>A partner or distributor package (合伙人套餐).</summary>
    PartnerPackage,

    /// <summary>Anything else the business sells.</summary>
    Other,
}
