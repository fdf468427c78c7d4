using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>
/// The rule, as data, that flags purchase intent (意向客户) from a member's answers: the member is a lead when at least
/// <see cref="MinimumMet"/> of the <see cref="Conditions"/> are met.
/// </summary>
/// <param name="Conditions">The conditions.</param>
/// <param name="MinimumMet">How many conditions flag intent; between 1 and the number of conditions.</param>
public sealed record IntentRule(ImmutableArray<IntentCondition> Conditions, int MinimumMet)
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(IntentRule? other) =>
        other is not null && MinimumMet == other.MinimumMet && Conditions.AsSpan().SequenceEqual(other.Conditions.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(MinimumMet, Conditions.IsDefault ? 0 : Conditions.Length);

    /// <summary>Whether the answers flag intent.</summary>
    /// <param name="answers">A member's answers.</param>
    /// <returns><see langword="true"/> when at least <see cref="MinimumMet"/> conditions are met.</returns>
    public bool Flags(IEnumerable<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var given = answers.ToDictionary(a => a.QuestionId, a => a.Answer, StringComparer.Ordinal);
        return Conditions.Count(c => given.TryGetValue(c.QuestionId, out var answer) && c.Answers.Contains(answer, StringComparer.Ordinal)) >= MinimumMet;
    }
}
