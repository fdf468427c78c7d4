using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>One condition of an intent rule: the answer to a question is one of the given answers.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Answers">The answers that meet the condition.</param>
public sealed record IntentCondition(string QuestionId, ImmutableArray<string> Answers)
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(IntentCondition? other) =>
        other is not null && QuestionId == other.QuestionId && Answers.AsSpan().SequenceEqual(other.Answers.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(QuestionId, Answers.IsDefault ? 0 : Answers.Length);
}
