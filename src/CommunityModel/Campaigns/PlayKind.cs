namespace CommunityModel.Campaigns;

/// <summary>
/// The campaign plays a community runs in its operating rhythm (seed 004): the kinds of activity a month's calendar is
/// built from, each with its own lifecycle.
/// </summary>
public enum PlayKind
{
    /// <summary>A bootcamp (训练营): a low-price course of three to five sessions; conversion is measured after it ends.</summary>
    Bootcamp = 0,

    /// <summary>A live marketing class (营销课), with a same-night follow-up window in which sales are attributed to it.</summary>
    MarketingClass = 1,

    /// <summary>A community survey (社群表单) whose answers flag purchase intent.</summary>
    Survey = 2,

    /// <summary>A flash sale (秒杀): a time window and a limited stock.</summary>
    FlashSale = 3,

    /// <summary>A flash group (快闪群): a group opened for a limited lifetime.</summary>
    FlashGroup = 4,

    /// <summary>A group buy (拼团): it completes at its target number of participants or refunds everyone when it times out.</summary>
    GroupBuy = 5,
}
