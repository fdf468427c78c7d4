namespace CommunityModel.Orleans.Directory;

/// <summary>One partition of the member directory (keyed by partition number): the members whose id falls in it, for the month-end to export the network.</summary>
[Alias("communitymodel.member-directory")]
public interface IMemberDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists a member; listing it again changes nothing.</summary>
    /// <param name="member">The member id.</param>
    /// <returns>A task.</returns>
    [Alias("list")]
    Task List(long member);

    /// <summary>The members listed, in the order listed.</summary>
    /// <returns>Their ids.</returns>
    [Alias("members")]
    Task<long[]> Members();
}
