using System.Collections.Immutable;
using CommunityModel.Campaigns;
using CommunityModel.Catalog;

namespace CommunityModel.Orleans.Plays;

/// <summary>
/// The market a play's grain sells through: the silo's catalog, one buyer at a time (whose grain said whether it is
/// registered), and orders that are not placed here but handed back, for the buyer's grain to place.
/// </summary>
internal sealed class DeferredPlayMarket(ProductCatalog? catalog) : IPlayMarket
{
    private MemberId _buyer;
    private bool _registered;
    private PlaceOrder? _taken;

    public ProductCatalog? Catalog => catalog;

    public bool Contains(MemberId member) => member == _buyer && _registered;

    public ImmutableArray<IDomainEvent> SellWithin(IReadOnlyList<PlaceOrder> orders, PlayReward? reward)
    {
        if (orders.Count != 1 || orders[0].Member != _buyer || reward is not null)
        {
            throw new InvalidOperationException($"A play's grain sells one order at a time to the buyer that asked ({_buyer}), with no reward.");
        }

        _taken = orders[0];
        return [];
    }

    /// <summary>Starts a request of one buyer.</summary>
    public void Admit(MemberId buyer, bool registered)
    {
        _buyer = buyer;
        _registered = registered;
        _taken = null;
    }

    /// <summary>The order the play decided to sell in this request, when it sold one.</summary>
    public PlaceOrder? Taken => _taken;
}
