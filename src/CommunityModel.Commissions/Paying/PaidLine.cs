using CommunityModel.Commissions.Plans;
namespace CommunityModel.Commissions.Paying;

/// <summary>
/// One line as the paying kernel produces it: dense indices and minor units only, so a whole order's lines
/// fit on the stack. Explanations are built from it only for the explained result.
/// </summary>
internal struct PaidLine
{
    /// <summary>The beneficiary's dense index.</summary>
    public int Beneficiary;

    /// <summary>The amount paid, after the cap.</summary>
    public long Amount;

    /// <summary>The amount before the cap.</summary>
    public long Uncapped;

    /// <summary>What the rate applied to: the base, or the holder's differential for a peer bonus of it.</summary>
    public long Basis;

    /// <summary>Level lines: the member just below the first one compressed past (its sponsor is the first); differential lines: the rank level already paid below; peer lines: the holder's index.</summary>
    public int Source;

    /// <summary>Level lines: how many members were compressed past.</summary>
    public int Count;

    /// <summary>The rule kind.</summary>
    public CommissionRuleKind Kind;

    /// <summary>The level (1–3) or peer generation (1–3); the beneficiary's rank level for a differential.</summary>
    public byte Ordinal;

    /// <summary>Whether the cap scaled this line.</summary>
    public bool Capped;
}
