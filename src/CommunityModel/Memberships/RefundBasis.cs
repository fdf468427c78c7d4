namespace CommunityModel.Memberships;

/// <summary>The rule by which a refund was computed.</summary>
public enum RefundBasis
{
    /// <summary>Inside the cooling-off window: everything paid for the term, minus what was consumed.</summary>
    CoolingOff,

    /// <summary>After the cooling-off window: the unused part of what was paid, minus what was consumed.</summary>
    ProRata,
}
