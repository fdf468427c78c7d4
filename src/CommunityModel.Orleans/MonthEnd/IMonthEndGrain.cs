namespace CommunityModel.Orleans.MonthEnd;

/// <summary>
/// A period's month-end run (keyed by period): it exports the period's orders and the network from grain state into the
/// library's batch engine (<see cref="Commissions.Run.CommissionRun"/>), stores the run's accruals, and delivers each
/// order's accruals to its order grain, which passes them on to the earners. Run it again after a crash: it resumes
/// where its stored progress says, and nothing is paid twice (order grains accrue an order line once).
/// </summary>
[Alias("communitymodel.month-end")]
public interface IMonthEndGrain : IGrainWithStringKey
{
    /// <summary>Runs the period's month-end, or resumes it.</summary>
    /// <returns>What the run paid; <see cref="MonthEndReport.Delivered"/> equals <see cref="MonthEndReport.Orders"/> when complete.</returns>
    [Alias("run")]
    Task<MonthEndReport> Run();

    /// <summary>How far the run is, while it runs.</summary>
    /// <returns>The report so far.</returns>
    [AlwaysInterleave]
    [Alias("progress")]
    Task<MonthEndReport> GetProgress();
}
