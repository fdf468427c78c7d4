using System.Collections.Immutable;

namespace CommunityModel.Commissions.Ranks;

/// <summary>One rank tested for a member: every rule the rank sets, each held or failed.</summary>
/// <param name="Rank">The rank.</param>
/// <param name="Checks">The rules the rank sets; empty when it sets none (every member qualifies).</param>
public sealed record RankAssessment(Rank Rank, ImmutableArray<QualificationCheck> Checks)
{
    /// <summary>Whether every rule held.</summary>
    public bool Qualified
    {
        get
        {
            foreach (var check in Checks)
            {
                if (!check.Held)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
