using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;

namespace CommunityModel.Orleans.Plays;

/// <summary>
/// A flash sale's grain: the library's <see cref="FlashSale"/> over a <see cref="DeferredPlayMarket"/>, folded from the
/// stream <c>play-{id}</c>. Not reentrant: one request at a time holds the stock, including while the buyer's grain is
/// asked about the order, so no two buyers take the same unit. A refused request rebuilds the play from what is stored.
/// </summary>
internal sealed class FlashSaleGrain(IEventStore store, CommunityClusterOptions options, MemberStream decider) : Grain, IFlashSaleGrain
{
    private readonly List<IPlayEvent> _events = [];
    private readonly Dictionary<string, PlaceOrder> _orders = new(StringComparer.Ordinal);
    private readonly DeferredPlayMarket _market = new(decider.Catalog);
    private EventStream _stream = null!;
    private FlashSale _sale = null!;

    private string Play => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"play-{Play}");
        _sale = new FlashSale(_market, options.Campaigns, options.Clock);
        return _stream.ReadAsync(0, Apply, cancellationToken);
    }

    public Task<CommandOutcome> Schedule(string productId, Money price, DateTimeOffset startsAt, DateTimeOffset endsAt, int stock, int perMemberLimit) =>
        Decide(() => _sale.Schedule(Play, productId, price, startsAt, endsAt, stock, perMemberLimit));

    public Task<CommandOutcome> Close(string reason) => Decide(() => _sale.Close(reason));

    public async Task<PlayReservation> Reserve(PlaceOrder order, bool buyerRegistered)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Play != Play || order.PlayKind != PlayKind.FlashSale)
        {
            throw new ArgumentException($"The order names play '{order.Play}' of kind '{order.PlayKind}'; this is flash sale '{Play}'.", nameof(order));
        }

        _market.Admit(order.Member, buyerRegistered);
        PlaySale sale;
        try
        {
            sale = _sale.Buy(order.Member, order.OrderId);
        }
        catch (CommunityModelException e)
        {
            return PlayReservation.Refuse(e.Refusals);
        }

        if (sale.IsRepeat)
        {
            return PlayReservation.Take(_orders[order.OrderId.Trim()]);
        }

        var taken = _market.Taken ?? throw new InvalidOperationException($"Flash sale '{Play}' sold order '{order.OrderId}' without building it.");
        var refusals = order.Item.Trim() != taken.Item || (order.Price is { } price && price != taken.Price)
            ? [new RefusalText(ErrorCodes.CampaignInvalidRequest, $"Flash sale '{Play}' sells '{taken.Item}' at {taken.Price}; the order asks for '{order.Item}' at {order.Price}.", order.Item.Trim() != taken.Item ? "Item" : "Price")]
            : await GrainFactory.GetGrain<IMemberGrain>(order.Member.Value).Check(taken);
        if (refusals.Length > 0)
        {
            Rebuild();
            return new PlayReservation(null, refusals);
        }

        await StoreAsync([.. sale.Events, new PlayOrderReserved(Play, taken, options.Clock.GetUtcNow())]);
        return PlayReservation.Take(taken);
    }

    public Task<IDomainEvent[]> GetEvents() => Task.FromResult<IDomainEvent[]>([.. _events]);

    private async Task<CommandOutcome> Decide(Func<PlaySale> decide)
    {
        PlaySale sale;
        try
        {
            sale = decide();
        }
        catch (CommunityModelException e)
        {
            return CommandOutcome.Refuse(e.Refusals);
        }

        await StoreAsync([.. sale.Events]);
        return CommandOutcome.Accept();
    }

    // The play changed in memory when it decided; what reaches the stream is what it keeps. A failed append rebuilds it
    // from the stream (and the activation goes), so the stock never counts a sale that was not stored.
    private async Task StoreAsync(IReadOnlyList<IDomainEvent> events)
    {
        try
        {
            await _stream.AppendAsync(events);
        }
        catch (Exception)
        {
            Rebuild();
            DeactivateOnIdle();
            throw;
        }

        foreach (var e in events)
        {
            Remember(e);
        }
    }

    private void Apply(IDomainEvent e)
    {
        if (e is IPlayEvent played)
        {
            _sale.Apply(played);
        }

        Remember(e);
    }

    private void Remember(IDomainEvent e)
    {
        switch (e)
        {
            case IPlayEvent played:
                _events.Add(played);
                break;
            case PlayOrderReserved reserved:
                _orders[reserved.Order.OrderId] = reserved.Order;
                break;
        }
    }

    private void Rebuild() => _sale = FlashSale.Replay(_events, _market, options.Campaigns, options.Clock);
}
