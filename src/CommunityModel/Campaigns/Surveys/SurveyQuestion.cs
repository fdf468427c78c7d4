using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>A question of a survey; every question is answered.</summary>
/// <param name="Id">The question's id within the survey.</param>
/// <param name="Text">The question as members read it.</param>
/// <param name="Choices">The answers it allows; empty for a free-text answer.</param>
public sealed record SurveyQuestion(string Id, string Text, ImmutableArray<string> Choices)
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(SurveyQuestion? other) =>
        other is not null && Id == other.Id && Text == other.Text && Choices.AsSpan().SequenceEqual(other.Choices.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Text, Choices.IsDefault ? 0 : Choices.Length);
}
