namespace CommunityModel.Metrics;

/// <summary>Renewals of membership terms that ended in a period, for one tier and term (or summed over them).</summary>
/// <param name="Tier">The tier of the ending terms; null when summed over tiers.</param>
/// <param name="Term">Which term of the member ended: 1 for the first (its renewal is the 续班 after an entry class), 2 for the second, ...; null when summed over terms.</param>
/// <param name="Due">Terms that ended in the period.</param>
/// <param name="Renewed">Of those, terms followed by a new term (same tier or an upgrade) starting no later than the end plus the grace.</param>
public sealed record RenewalLine(string? Tier, int? Term, long Due, long Renewed)
{
    /// <summary>Renewed ÷ due (续费率 / 续班率); null when nothing was due.</summary>
    public Rate? RenewalRate => Due == 0 ? null : Rate.Of(Renewed, Due);

    /// <summary>Terms that ended without renewal.</summary>
    public long Lapsed => Due - Renewed;
}
