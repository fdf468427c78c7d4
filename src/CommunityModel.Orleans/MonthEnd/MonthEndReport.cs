namespace CommunityModel.Orleans.MonthEnd;

/// <summary>What a period's month-end run paid and how far its delivery got.</summary>
/// <param name="Period">The period.</param>
/// <param name="Orders">How many orders the run paid on.</param>
/// <param name="Accruals">How many commission accruals it produced.</param>
/// <param name="TotalPaid">What it pays in total, in minor units.</param>
/// <param name="Delivered">How many of those orders hold their accruals (all of them when the run is complete).</param>
/// <param name="Silo">The silo the run's grain is active on.</param>
[GenerateSerializer]
[Immutable]
[Alias("communitymodel.month-end-report")]
public sealed record MonthEndReport(
    [property: Id(0)] string Period,
    [property: Id(1)] int Orders,
    [property: Id(2)] int Accruals,
    [property: Id(3)] long TotalPaid,
    [property: Id(4)] int Delivered,
    [property: Id(5)] string Silo);
