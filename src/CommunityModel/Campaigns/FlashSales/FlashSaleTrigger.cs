namespace CommunityModel.Campaigns.FlashSales;

/// <summary>What moves a flash sale from stage to stage.</summary>
public enum FlashSaleTrigger
{
    /// <summary>The window opened: the first sale at or after the start.</summary>
    Opened = 0,

    /// <summary>The last unit of stock was sold.</summary>
    SoldOut = 1,

    /// <summary>The window ended, or the sale was closed by hand.</summary>
    Closed = 2,
}
