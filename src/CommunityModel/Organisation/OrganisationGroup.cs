using System.Collections.Immutable;

namespace CommunityModel.Organisation;

/// <summary>A group of the organisation as it stands.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Kind">Headquarters, a class or a squad.</param>
/// <param name="ParentId">The group above; <see langword="null"/> for headquarters.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Leader">The leader (class monitor or group leader), when the group has one.</param>
/// <param name="LeaderUntil">When the leader's term ends, when it has a term.</param>
/// <param name="Members">The members in the group itself (not in its squads), in the order they came.</param>
public sealed record OrganisationGroup(string Id, GroupKind Kind, string? ParentId, string Name, MemberId? Leader, DateTimeOffset? LeaderUntil, ImmutableArray<MemberId> Members)
{
    /// <summary>Whether both describe the same group with the same leader and the same members, in the same order.</summary>
    /// <param name="other">The other group.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(OrganisationGroup? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && ParentId == other.ParentId && Name == other.Name
        && Leader == other.Leader && LeaderUntil == other.LeaderUntil && Members.AsSpan().SequenceEqual(other.Members.AsSpan());

    /// <summary>A hash of the id, the leader and the member count.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Leader, Members.Length);
}
