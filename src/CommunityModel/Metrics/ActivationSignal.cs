namespace CommunityModel.Metrics;

/// <summary>What counts as activation (the second A of AARRR) for a newly registered member.</summary>
public enum ActivationSignal
{
    /// <summary>Any engagement: an <see cref="ActivityRecorded"/>, an <see cref="AttendanceRecorded"/> or a <see cref="PurchaseMade"/>.</summary>
    Activity = 0,

    /// <summary>Attending an activity (a public class, a live session): an <see cref="AttendanceRecorded"/>.</summary>
    Attendance = 1,

    /// <summary>A paid purchase: a <see cref="PurchaseMade"/>.</summary>
    Purchase = 2,

    /// <summary>Entering the stage <see cref="MetricsOptions.ActivationStage"/> of the value chain (directly or passing it).</summary>
    StageReached = 3,
}
