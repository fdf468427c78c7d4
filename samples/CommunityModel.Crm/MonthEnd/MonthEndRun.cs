namespace CommunityModel.Crm.MonthEnd;

/// <summary>A period's month-end as stored: begun (<see cref="Started"/>) and, once finished, closed (<see cref="Closed"/>).</summary>
/// <param name="Started">The start; null for a run stored before runs recorded their start (closed in one step).</param>
/// <param name="Closed">The close; null while the run is under way.</param>
internal sealed record MonthEndRun(MonthEndStarted? Started, MonthEndClosed? Closed)
{
    /// <summary>The period.</summary>
    public string Period => Started?.Period ?? Closed!.Period;
}
