using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>A member answered a survey; <see cref="IntentFlagged"/> is what the survey's rule made of the answers.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Member">The member.</param>
/// <param name="Answers">One answer per question, in the questions' order.</param>
/// <param name="IntentFlagged">Whether the answers flag purchase intent: the member is a lead.</param>
/// <param name="OccurredAt">When.</param>
public sealed record SurveyAnswered(string PlayId, MemberId Member, ImmutableArray<SurveyAnswer> Answers, bool IntentFlagged, DateTimeOffset OccurredAt) : IPlayEvent
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SurveyAnswered? other) =>
        other is not null && PlayId == other.PlayId && Member == other.Member && IntentFlagged == other.IntentFlagged && OccurredAt == other.OccurredAt && Answers.AsSpan().SequenceEqual(other.Answers.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(PlayId, Member, IntentFlagged, OccurredAt, Answers.IsDefault ? 0 : Answers.Length);
}
