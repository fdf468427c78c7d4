using System.Collections.Immutable;

namespace CommunityModel.Organisation;

/// <summary>What <see cref="TopicModeration.Check"/> found in a text.</summary>
/// <param name="Matched">The banned topics the text touches; empty when it touches none.</param>
public sealed record TopicCheck(ImmutableArray<string> Matched)
{
    /// <summary>Whether the text touches a banned topic.</summary>
    public bool IsBanned => !Matched.IsDefaultOrEmpty;
}
