using System.Globalization;

namespace CommunityModel.Commissions.Ranks;

/// <summary>One rule of a rank tested for a member: what it requires, what the member has, and whether it held.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Required">The least value: minor units for volume rules, a count otherwise.</param>
/// <param name="Actual">The member's value, in the same unit.</param>
/// <param name="LegRank">For <see cref="QualificationRule.QualifiedLegs"/>, the rank code a leg must hold (or higher); <see langword="null"/> otherwise or for any rank.</param>
public readonly record struct QualificationCheck(QualificationRule Rule, long Required, long Actual, string? LegRank = null)
{
    /// <summary>Whether the rule held.</summary>
    public bool Held => Actual >= Required;

    /// <summary>Formats as e.g. <c>TeamVolume: 1200000 of 1000000 held</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rule}{(LegRank is null ? "" : $" ({LegRank}+)")}: {Actual} of {Required} {(Held ? "held" : "failed")}");
}
