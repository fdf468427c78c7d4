namespace CommunityModel.Catalog;

/// <summary>The rung of the product ladder (四款递进产品) a product stands on, from the cheapest to the dearest.</summary>
public enum LadderTier
{
    /// <summary>Free or very cheap, repurchasable; the entry point that gathers fans (引流产品).</summary>
    LeadMagnet,

    /// <summary>Low ticket; builds the relationship and turns fans into customers (低客单价产品).</summary>
    Entry,

    /// <summary>High ticket; over-delivers value, where the profit is (高客单价产品).</summary>
    HighTicket,

    /// <summary>Ultra-high ticket, for distributors and partners (超高客单价产品).</summary>
    Premium,
}
