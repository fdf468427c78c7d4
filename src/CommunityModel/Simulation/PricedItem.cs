namespace CommunityModel.Simulation;

/// <summary>An item the simulation sells, at the community's list price.</summary>
/// <param name="Item">The catalog product id or membership tier id.</param>
/// <param name="Name">The item's name.</param>
/// <param name="ListPrice">The list price (members may pay less by their shopping discount).</param>
public sealed record PricedItem(string Item, string Name, Money ListPrice)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Item}) {ListPrice}";
}
