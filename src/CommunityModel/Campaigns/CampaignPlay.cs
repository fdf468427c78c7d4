using System.Collections.Immutable;

namespace CommunityModel.Campaigns;

/// <summary>
/// What every campaign play shares: it sells within one <see cref="CommunityModel.Community"/>, on one clock, under the
/// <see cref="CampaignOptions"/>; it decides each request against its state before anything changes (a refusal throws a
/// typed <see cref="CampaignException"/> and leaves the play and the community as they were); <see cref="Apply"/> is the
/// one way its state changes, and re-checks every event as strictly as the request that produced it, so a forged or
/// reordered stream is refused at its index. Requests are serialised by a lock; a sale holds it while the community places
/// the orders, so concurrent buyers never see the same stock.
/// </summary>
public abstract class CampaignPlay
{
    private int _applied;

    private protected CampaignPlay(IPlayMarket market, CampaignOptions options, TimeProvider timeProvider)
    {
        Market = market ?? throw new ArgumentNullException(nameof(market));
        ArgumentNullException.ThrowIfNull(options);
        Clock = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var problems = CampaignOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidOptions, "Campaign options are invalid: " + string.Join(" ", problems.Select(p => "Campaigns:" + p)));
        }

        Options = options;
        Zone = CampaignOptionsValidator.Zone(options.TimeZone)!;
    }

    /// <summary>The play's id, once it is set up; <see langword="null"/> before.</summary>
    public string? Id { get; private protected set; }

    /// <summary>The kind of play.</summary>
    public abstract PlayKind Kind { get; }

    /// <summary>Where the play sells: a <see cref="CommunityModel.Community"/>, or a host placing the orders elsewhere.</summary>
    private protected IPlayMarket Market { get; }

    /// <summary>The community the play sells within, for the plays that read its members' orders or its commissions.</summary>
    private protected Community Community =>
        Market as Community ?? throw new InvalidOperationException($"The {PlayKinds.DisplayName(Kind)} reads the community's orders and sells only within a Community.");

    /// <summary>The rules.</summary>
    public CampaignOptions Options { get; }

    /// <summary>How many events the play has applied since it was created.</summary>
    public int Applied
    {
        get
        {
            lock (Gate)
            {
                return _applied;
            }
        }
    }

    private protected object Gate { get; } = new();

    private protected TimeProvider Clock { get; }

    private protected TimeZoneInfo Zone { get; }

    private protected DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Applies a stored event: the one way the play changes, used after each decision and on replay.</summary>
    /// <param name="playEvent">The event.</param>
    /// <exception cref="ReplayException">
    /// The event does not fit the play (<see cref="ErrorCodes.CampaignReplayMismatch"/>): another play's, out of order, or
    /// something the play would have refused; <see cref="ReplayException.Index"/> is the number of events applied before it. Nothing changed.
    /// </exception>
    public void Apply(IPlayEvent playEvent)
    {
        ArgumentNullException.ThrowIfNull(playEvent);
        lock (Gate)
        {
            var problem = Id is not null && !string.Equals(playEvent.PlayId, Id, StringComparison.Ordinal)
                ? $"it belongs to play '{playEvent.PlayId}', not to '{Id}'"
                : Problem(playEvent);
            if (problem is not null)
            {
                throw new ReplayException(ErrorCodes.CampaignReplayMismatch, _applied, playEvent, problem);
            }

            Mutate(playEvent);
            _applied++;
        }
    }

    /// <summary>Why an event cannot be applied now; <see langword="null"/> when it fits. The same rules the requests enforce.</summary>
    private protected abstract string? Problem(IPlayEvent e);

    /// <summary>Changes the state by an event that fits.</summary>
    private protected abstract void Mutate(IPlayEvent e);

    private protected static TPlay ReplayInto<TPlay>(TPlay play, IEnumerable<IPlayEvent> events)
        where TPlay : CampaignPlay
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            play.Apply(e);
        }

        return play;
    }

    /// <summary>Decides under the lock and applies what was decided.</summary>
    private protected PlaySale Decide(Func<ImmutableArray<IPlayEvent>> decide)
    {
        lock (Gate)
        {
            var events = decide();
            Commit(events);
            return new PlaySale(events, []);
        }
    }

    /// <summary>
    /// Places the play's orders in the community, then applies the play's events; called under the lock, after the play's
    /// rules passed. A refusal of the community throws before the play changes.
    /// </summary>
    private protected PlaySale Sell(IReadOnlyList<PlaceOrder> orders, PlayReward? reward, ImmutableArray<IPlayEvent> events)
    {
        var placed = orders.Count == 0 ? [] : Market.SellWithin(orders, reward);
        Commit(events);
        return new PlaySale(events, placed);
    }

    private protected PlaceOrder Order(MemberId member, string orderId, string productId, Money price, string reason) =>
        new(member, orderId, productId, price, $"{PlayKinds.DisplayName(Kind)} '{Id}': {reason}") { Play = Id, PlayKind = Kind };

    private protected string RequireSetUp() =>
        Id ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, $"The {PlayKinds.DisplayName(Kind)} is not set up yet.", "PlayId");

    private protected void RequireNew()
    {
        if (Id is not null)
        {
            throw new CampaignException(ErrorCodes.CampaignIdConflict, $"This {PlayKinds.DisplayName(Kind)} is set up already as '{Id}'; create another play for another campaign.", "PlayId");
        }
    }

    private protected void RequireMember(MemberId member, string field)
    {
        if (!Market.Contains(member))
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"Member {member} is not registered in the community.", field);
        }
    }

    private protected Catalog.Product RequireProduct(string? productId, Money price)
    {
        var id = Required(productId, "ProductId");
        if (Market.Catalog is not { } catalog || !catalog.TryGetProduct(id, out var product))
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"'{id}' is not a catalog product of the community; plays sell catalog products.", "ProductId");
        }

        if (price.Currency != product.Price.Currency || price.IsNegative || price > product.Price)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"The play's price {price} for '{id}' must be in {product.Price.Currency.Code}, not negative and at most the list price {product.Price}.", "Price");
        }

        return product;
    }

    /// <summary>The first moment after <paramref name="after"/> at which the community's local clock reads <paramref name="time"/>.</summary>
    private protected DateTimeOffset NextLocal(DateTimeOffset after, TimeOnly time)
    {
        var local = TimeZoneInfo.ConvertTime(after, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var day = 0; day < 3; day++)
        {
            var wall = date.AddDays(day).ToDateTime(time);
            var at = new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
            if (at > after)
            {
                return at;
            }
        }

        throw new InvalidOperationException($"No local {time} follows {after:O} in {Zone.Id}.");
    }

    private protected static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"{field} is required.", field) : value.Trim();

    private protected static string? Given(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? $"{what} has no {field}" : null;

    private void Commit(ImmutableArray<IPlayEvent> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
    }
}
