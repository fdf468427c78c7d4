namespace CommunityModel.Calendar;

/// <summary>
/// A member showed purchase intent at an activity (a survey answer, a question after a class): a lead (意向客户) for the
/// activity's review. The same member flagged twice at one activity counts once.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="ActivityId">The activity.</param>
/// <param name="Reason">What showed the intent.</param>
/// <param name="OccurredAt">When.</param>
public sealed record LeadFlagged(MemberId Member, string ActivityId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
