namespace CommunityModel.Campaigns.FlashSales;

/// <summary>The stages of a flash sale (秒杀).</summary>
public enum FlashSaleStage
{
    /// <summary>Scheduled (已排期): set up, its window not open yet.</summary>
    Scheduled = 0,

    /// <summary>Open (抢购中): within its window, stock left.</summary>
    Open = 1,

    /// <summary>Sold out (已售罄): every unit of stock is sold.</summary>
    SoldOut = 2,

    /// <summary>Closed (已结束): its window ended, or it was closed by hand.</summary>
    Closed = 3,
}
