using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>How many of the invited groups' members attended an activity.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Total">All groups together: the activity participation rate (活动参与率).</param>
/// <param name="Groups">Each group, in the order given.</param>
public sealed record ParticipationReport(string ActivityId, GroupParticipation Total, ImmutableArray<GroupParticipation> Groups)
{
    /// <summary>The group id of <see cref="Total"/>: <c>*</c>.</summary>
    public const string AllGroups = "*";
}
