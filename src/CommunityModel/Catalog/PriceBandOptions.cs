namespace CommunityModel.Catalog;

/// <summary>
/// Price bands that derive a product's ladder rung from its price: below <see cref="EntryFrom"/> a
/// product is a lead magnet, from <see cref="EntryFrom"/> an entry product, from
/// <see cref="HighTicketFrom"/> a high-ticket product and from <see cref="PremiumFrom"/> a premium one.
/// </summary>
public sealed class PriceBandOptions
{
    /// <summary>The lowest price of an entry (低客单价) product.</summary>
    public Money EntryFrom { get; set; }

    /// <summary>The lowest price of a high-ticket (高客单价) product.</summary>
    public Money HighTicketFrom { get; set; }

    /// <summary>The lowest price of a premium (超高客单价) product.</summary>
    public Money PremiumFrom { get; set; }
}
