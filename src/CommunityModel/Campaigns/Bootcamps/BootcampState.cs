using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>A bootcamp as it stands.</summary>
/// <param name="Setup">How it was scheduled.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Enrolments">Its enrolments, in order.</param>
/// <param name="Attendance">Every attendance, in order.</param>
/// <param name="FinishedAt">When it finished, once it did.</param>
public sealed record BootcampState(BootcampScheduled Setup, BootcampStage Stage, ImmutableArray<BootcampEnrolled> Enrolments, ImmutableArray<BootcampAttended> Attendance, DateTimeOffset? FinishedAt)
{
    /// <summary>How many enrolled members attended a session.</summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>The attendees.</returns>
    public int AttendeesOf(string sessionId) => Attendance.Count(a => a.SessionId == sessionId);
}
