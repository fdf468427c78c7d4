namespace CommunityModel.Metrics.Simulation;

/// <summary>What a simulated sale sold: a rung of the product ladder or a membership fee.</summary>
public enum SimulatedProduct
{
    /// <summary>The lead product (引流产品) a prospect takes on becoming a fan: a lead's first purchase.</summary>
    LeadMagnet = 0,

    /// <summary>The entry product (低客单价产品) a fan buys on becoming a customer.</summary>
    Entry = 1,

    /// <summary>The high-ticket product (高客单价产品) customers and members buy again.</summary>
    HighTicket = 2,

    /// <summary>The premium product (超高客单价产品) partners buy again.</summary>
    Premium = 3,

    /// <summary>A new VIP membership: a customer becoming a member.</summary>
    VipMembership = 4,

    /// <summary>A VIP membership renewed at its anniversary.</summary>
    VipRenewal = 5,

    /// <summary>An upgrade from VIP to KA (becoming a partner), paying the KA fee less the VIP fee paid.</summary>
    KaUpgrade = 6,

    /// <summary>A KA membership renewed at its anniversary.</summary>
    KaRenewal = 7,
}
