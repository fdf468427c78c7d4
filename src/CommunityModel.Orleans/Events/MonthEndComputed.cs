namespace CommunityModel.Orleans.Events;

/// <summary>A period's month-end run was computed; its accruals are stored before this event, in the same append.</summary>
/// <param name="Period">The period.</param>
/// <param name="Orders">How many orders the run paid on.</param>
/// <param name="Accruals">How many commission accruals it produced.</param>
/// <param name="TotalPaid">What it pays in total.</param>
/// <param name="OccurredAt">When it was computed.</param>
public sealed record MonthEndComputed(string Period, int Orders, int Accruals, Money TotalPaid, DateTimeOffset OccurredAt) : IDomainEvent;
