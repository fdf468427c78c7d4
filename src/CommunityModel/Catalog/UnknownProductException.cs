namespace CommunityModel.Catalog;

/// <summary>A product id is not in the catalog.</summary>
public sealed class UnknownProductException : CommunityModelException
{
    /// <summary>Creates the error for the id that was not found.</summary>
    /// <param name="productId">The id asked for.</param>
    public UnknownProductException(string productId)
        : base(ErrorCodes.UnknownProduct, $"The catalog has no product '{productId}'.")
    {
        ProductId = productId;
    }

    /// <summary>The id asked for.</summary>
    public string ProductId { get; }
}
