using System.Collections.Immutable;

namespace CommunityModel.Organisation;

/// <summary>
/// The banned-topic rule (不准谈论政治、宗教等问题) as data: a text is checked against the configured topics, found anywhere in it
/// case-insensitively (ordinal, so the same under every culture, and Chinese needs no word breaks). The organisation checks every title and topic
/// with it; an integrator's chat moderation hook can call <see cref="Check"/> on a message.
/// </summary>
public sealed class TopicModeration
{
    private readonly ImmutableArray<string> _topics;

    /// <summary>Creates the check.</summary>
    /// <param name="bannedTopics">The banned topics.</param>
    public TopicModeration(IEnumerable<string> bannedTopics)
    {
        ArgumentNullException.ThrowIfNull(bannedTopics);
        _topics = [.. bannedTopics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The banned topics.</summary>
    public ImmutableArray<string> Topics => _topics;

    /// <summary>Which banned topics a text touches.</summary>
    /// <param name="text">A title, topic or message.</param>
    /// <returns>The check: <see cref="TopicCheck.IsBanned"/> and the topics matched, in the configured order.</returns>
    public TopicCheck Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new TopicCheck([]);
        }

        return new TopicCheck([.. _topics.Where(topic => text.Contains(topic, StringComparison.OrdinalIgnoreCase))]);
    }
}
