using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>A community survey (社群表单) opened: its questions and the rule that flags intent.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Questions">Its questions, in order.</param>
/// <param name="Rule">The intent rule.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SurveyOpened(string PlayId, string Title, ImmutableArray<SurveyQuestion> Questions, IntentRule Rule, DateTimeOffset OccurredAt) : IPlayEvent
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SurveyOpened? other) =>
        other is not null && PlayId == other.PlayId && Title == other.Title && Rule == other.Rule && OccurredAt == other.OccurredAt && Questions.AsSpan().SequenceEqual(other.Questions.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(PlayId, Title, Rule, OccurredAt, Questions.IsDefault ? 0 : Questions.Length);
}
