using CommunityModel.Roles;

namespace CommunityModel.Orleans.Activities;

/// <summary>
/// An activity's grain (key: the activity's id, which is the id of the play its sales are made within): who organises it
/// (组织活动), as <see cref="ActivityOrganised"/> events in the stream <c>activity-{id}</c>. The organiser's member grain
/// decides (<see cref="OrganiseActivity"/>); a sale within the play reads the organiser before its buyer decides, so the
/// order carries them as <see cref="OrderRoles.Organiser"/>.
/// </summary>
[Alias("communitymodel.activity")]
public interface IActivityGrain : IGrainWithStringKey
{
    /// <summary>Who organises the activity now.</summary>
    /// <returns>The organiser's member id; 0 when nobody organises it.</returns>
    [AlwaysInterleave]
    [Alias("organiser")]
    Task<long> GetOrganiser();

    /// <summary>Stores who organises the activity from now on, as the organiser's member grain decided it; the same organiser again is a repeat.</summary>
    /// <param name="organised">The decision, naming this activity.</param>
    /// <returns>Whether it was stored (<see langword="false"/> for a repeat).</returns>
    /// <exception cref="ArgumentException">The event names another activity or no organiser.</exception>
    [Alias("record")]
    Task<bool> Record(ActivityOrganised organised);
}
