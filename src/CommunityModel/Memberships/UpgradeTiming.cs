namespace CommunityModel.Memberships;

/// <summary>When an upgrade to a dearer tier takes effect.</summary>
public enum UpgradeTiming
{
    /// <summary>At once: the member is credited for the unused part of what was paid and charged for the new tier.</summary>
    Immediately,

    /// <summary>At the end of the paid term, like a downgrade: no credit, the next renewal is at the new tier.</summary>
    AtTermEnd,
}
