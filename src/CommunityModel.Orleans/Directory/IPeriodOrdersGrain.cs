namespace CommunityModel.Orleans.Directory;

/// <summary>The orders of a period settled at month-end (keyed by period), for the month-end to export.</summary>
[Alias("communitymodel.period-orders")]
public interface IPeriodOrdersGrain : IGrainWithStringKey
{
    /// <summary>Lists an order; listing it again changes nothing.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>A task.</returns>
    [Alias("list")]
    Task List(string orderId);

    /// <summary>The orders listed, in the order listed.</summary>
    /// <returns>Their ids.</returns>
    [Alias("orders")]
    Task<string[]> Orders();
}
