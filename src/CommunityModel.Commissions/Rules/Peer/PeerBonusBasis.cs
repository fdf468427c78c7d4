namespace CommunityModel.Commissions.Rules;

/// <summary>What a peer bonus (平级奖) rate applies to.</summary>
public enum PeerBonusBasis
{
    /// <summary>The order's commissionable base.</summary>
    OfBase = 0,

    /// <summary>The differential the same-rank downline (the split-off team's leader) earned on the order; nothing when it earned none.</summary>
    OfDownlineDifferential = 1,
}
