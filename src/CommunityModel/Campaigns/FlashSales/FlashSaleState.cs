using System.Collections.Immutable;

namespace CommunityModel.Campaigns.FlashSales;

/// <summary>A flash sale as it stands.</summary>
/// <param name="Setup">How it was scheduled.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Sales">Every unit sold, in order.</param>
public sealed record FlashSaleState(FlashSaleScheduled Setup, FlashSaleStage Stage, ImmutableArray<FlashSaleSold> Sales)
{
    /// <summary>The units sold.</summary>
    public int Sold => Sales.Length;

    /// <summary>The units left.</summary>
    public int Remaining => Setup.Stock - Sales.Length;

    /// <summary>The money taken: the flash-sale price times the units sold.</summary>
    public Money Revenue => Sales.Aggregate(Money.Zero(Setup.Price.Currency), (sum, s) => sum + s.Price);
}
