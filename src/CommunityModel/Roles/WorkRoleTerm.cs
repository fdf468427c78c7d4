namespace CommunityModel.Roles;

/// <summary>One term in which a member held a work role, kept after the role was revoked.</summary>
/// <param name="Role">The role.</param>
/// <param name="From">When it was granted.</param>
/// <param name="Until">When it was revoked; <see langword="null"/> while the member holds it.</param>
public sealed record WorkRoleTerm(WorkRole Role, DateTimeOffset From, DateTimeOffset? Until)
{
    /// <summary>Whether the term is still running.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCurrent => Until is null;
}
