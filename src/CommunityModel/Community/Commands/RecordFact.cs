namespace CommunityModel;

/// <summary>
/// Records a fact only the integrator knows: traffic (<see cref="Metrics.TrafficRecorded"/>), activity
/// (<see cref="Metrics.ActivityRecorded"/>), attendance (<see cref="Metrics.AttendanceRecorded"/>) or invitations
/// (<see cref="Metrics.InvitationSent"/>, <see cref="Metrics.InvitationAccepted"/>). Activity of a
/// dormant fan reactivates it; every fact is returned to be stored and read by <see cref="Metrics.CommunityMetrics"/>.
/// </summary>
/// <param name="Fact">The fact.</param>
public sealed record RecordFact(IDomainEvent Fact) : CommunityCommand;
