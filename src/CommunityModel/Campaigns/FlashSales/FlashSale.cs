using System.Collections.Immutable;

namespace CommunityModel.Campaigns.FlashSales;

/// <summary>
/// A flash sale (秒杀): a catalog product at a flash-sale price within a time window, a limited stock (the total purchase
/// limit) and a per-member limit. <see cref="Buy"/> checks the play's rules and places the community order carrying the
/// play's id in one step, under the play's lock: concurrent buyers never take the same unit, so the stock is never oversold,
/// and a sale the community refuses leaves the stock as it was.
/// </summary>
public sealed class FlashSale : CampaignPlay
{
    private readonly List<FlashSaleSold> _sales = [];
    private readonly Dictionary<string, FlashSaleSold> _byOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, int> _byMember = [];
    private FlashSaleScheduled? _setup;
    private FlashSaleStage _stage;

    /// <summary>Creates a flash sale not scheduled yet.</summary>
    /// <param name="market">Where it sells: a <see cref="Community"/>, or a host placing the orders elsewhere.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CampaignException">The options are unusable (<see cref="ErrorCodes.CampaignInvalidOptions"/>).</exception>
    public FlashSale(IPlayMarket market, CampaignOptions options, TimeProvider timeProvider)
        : base(market, options, timeProvider)
    {
    }

    /// <summary>The lifecycle every flash sale follows.</summary>
    public static PlayLifecycle<FlashSaleStage, FlashSaleTrigger> Lifecycle { get; } = new(PlayKind.FlashSale, FlashSaleStage.Scheduled, m =>
    {
        m.Configure(FlashSaleStage.Scheduled)
            .Permit(FlashSaleTrigger.Opened, FlashSaleStage.Open)
            .Permit(FlashSaleTrigger.Closed, FlashSaleStage.Closed);
        m.Configure(FlashSaleStage.Open)
            .Permit(FlashSaleTrigger.SoldOut, FlashSaleStage.SoldOut)
            .Permit(FlashSaleTrigger.Closed, FlashSaleStage.Closed);
        m.Configure(FlashSaleStage.SoldOut)
            .Permit(FlashSaleTrigger.Closed, FlashSaleStage.Closed);
    });

    /// <inheritdoc/>
    public override PlayKind Kind => PlayKind.FlashSale;

    /// <summary>The flash sale as it stands.</summary>
    /// <exception cref="CampaignException">It is not scheduled yet (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public FlashSaleState State
    {
        get
        {
            lock (Gate)
            {
                return new FlashSaleState(Setup, _stage, [.. _sales]);
            }
        }
    }

    private FlashSaleScheduled Setup => _setup ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, "The flash sale is not scheduled yet.", "PlayId");

    /// <summary>Rebuilds a flash sale from its stored events, in the order they were stored.</summary>
    /// <param name="events">The play's events.</param>
    /// <param name="market">Where it sold.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The flash sale.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.CampaignReplayMismatch"/>), at its index.</exception>
    public static FlashSale Replay(IEnumerable<IPlayEvent> events, IPlayMarket market, CampaignOptions options, TimeProvider timeProvider) =>
        ReplayInto(new FlashSale(market, options, timeProvider), events);

    /// <summary>Schedules the flash sale.</summary>
    /// <param name="playId">The play's id; the orders it sells carry it.</param>
    /// <param name="productId">A catalog product.</param>
    /// <param name="price">The flash-sale price; at most the list price.</param>
    /// <param name="startsAt">When the window opens.</param>
    /// <param name="endsAt">When it ends; after the start.</param>
    /// <param name="stock">The units offered, at least one.</param>
    /// <param name="perMemberLimit">The units one member may buy, at least one.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is scheduled already, or a value is unusable.</exception>
    public PlaySale Schedule(string playId, string productId, Money price, DateTimeOffset startsAt, DateTimeOffset endsAt, int stock, int perMemberLimit) => Decide(() =>
    {
        RequireNew();
        var id = Required(playId, "PlayId");
        var product = RequireProduct(productId, price);
        if (endsAt <= startsAt)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"The window {startsAt:O} to {endsAt:O} is empty; it must end after it starts.", "EndsAt");
        }

        if (stock < 1 || perMemberLimit < 1)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"Stock {stock} and per-member limit {perMemberLimit} must each be at least one.", stock < 1 ? "Stock" : "PerMemberLimit");
        }

        return [new FlashSaleScheduled(id, product.Id, price, startsAt, endsAt, stock, perMemberLimit, Now)];
    });

    /// <summary>A member buys one unit: the play's rules are checked and the community order placed, or neither happens.</summary>
    /// <param name="member">The buyer, registered in the community.</param>
    /// <param name="orderId">The community order id; the same order of the same member again is a repeat.</param>
    /// <returns>The play's events (opened, sold, sold out) and the community's, to store.</returns>
    /// <exception cref="CampaignException">
    /// Outside the window (<see cref="ErrorCodes.CampaignOutsideWindow"/>), sold out (<see cref="ErrorCodes.CampaignSoldOut"/>),
    /// the member's limit reached (<see cref="ErrorCodes.CampaignMemberLimit"/>), or the order id taken by another member.
    /// </exception>
    /// <exception cref="CommunityModelException">The community refused the order (a held member, an order id taken); nothing changed.</exception>
    public PlaySale Buy(MemberId member, string orderId)
    {
        lock (Gate)
        {
            var setup = Setup;
            var id = Required(orderId, "OrderId");
            if (_byOrder.TryGetValue(id, out var taken))
            {
                return taken.Member == member
                    ? PlaySale.Repeat
                    : throw new CampaignException(ErrorCodes.CampaignIdConflict, $"Order '{id}' is a flash-sale unit of member {taken.Member}.", "OrderId");
            }

            RequireMember(member, "Member");
            var now = Now;
            var events = ImmutableArray.CreateBuilder<IPlayEvent>(3);
            switch (_stage)
            {
                case FlashSaleStage.Scheduled when now < setup.StartsAt:
                    throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Flash sale '{setup.PlayId}' opens at {setup.StartsAt:O}; it is {now:O}.", "PlayId");
                case FlashSaleStage.Scheduled when now < setup.EndsAt:
                    events.Add(new FlashSaleOpened(setup.PlayId, now));
                    break;
                case FlashSaleStage.SoldOut:
                    throw new CampaignException(ErrorCodes.CampaignSoldOut, $"Flash sale '{setup.PlayId}' sold all {setup.Stock} units.", "PlayId");
                case FlashSaleStage.Closed:
                    throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Flash sale '{setup.PlayId}' is closed.", "PlayId");
            }

            if (now >= setup.EndsAt)
            {
                throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Flash sale '{setup.PlayId}' ended at {setup.EndsAt:O}; it is {now:O}.", "PlayId");
            }

            var bought = _byMember.GetValueOrDefault(member);
            if (bought >= setup.PerMemberLimit)
            {
                throw new CampaignException(ErrorCodes.CampaignMemberLimit, $"Member {member} bought {bought} of flash sale '{setup.PlayId}'; the limit is {setup.PerMemberLimit} per member.", "Member");
            }

            events.Add(new FlashSaleSold(setup.PlayId, member, id, setup.Price, now));
            if (_sales.Count + 1 == setup.Stock)
            {
                events.Add(new FlashSaleSoldOut(setup.PlayId, setup.Stock, now));
            }

            return Sell([Order(member, id, setup.ProductId, setup.Price, "flash-sale price")], null, events.ToImmutable());
        }
    }

    /// <summary>Closes the flash sale: after its window ended, or by hand at any time before.</summary>
    /// <param name="reason">Why; required.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is closed already (<see cref="ErrorCodes.CampaignInvalidTransition"/>), or no reason is given.</exception>
    public PlaySale Close(string reason) => Decide(() =>
    {
        var setup = Setup;
        var why = Required(reason, "Reason");
        Lifecycle.Next(_stage, FlashSaleTrigger.Closed);
        return [new FlashSaleClosed(setup.PlayId, _sales.Count, why, Now)];
    });

    private protected override string? Problem(IPlayEvent e)
    {
        if (e is FlashSaleScheduled s)
        {
            return _setup is not null ? $"flash sale '{s.PlayId}' is scheduled twice"
                : Given(s.PlayId, "id", "the flash sale") ?? Given(s.ProductId, "product", "the flash sale")
                ?? (s.EndsAt <= s.StartsAt || s.Stock < 1 || s.PerMemberLimit < 1 || s.Price.IsNegative
                    ? $"flash sale '{s.PlayId}' has an empty window, no stock, no per-member limit or a negative price"
                    : Market.Catalog is { } catalog && catalog.TryGetProduct(s.ProductId, out var p) && p.Price.Currency == s.Price.Currency && s.Price <= p.Price
                        ? null
                        : $"flash sale '{s.PlayId}' sells '{s.ProductId}' at {s.Price}, which is not a catalog product at or below its list price");
        }

        if (_setup is not { } setup)
        {
            return "the flash sale is not scheduled";
        }

        return e switch
        {
            FlashSaleOpened o when !Lifecycle.CanFire(_stage, FlashSaleTrigger.Opened) || o.OccurredAt < setup.StartsAt || o.OccurredAt >= setup.EndsAt
                => $"the flash sale cannot open at {o.OccurredAt:O} in stage {_stage} (window {setup.StartsAt:O} to {setup.EndsAt:O})",
            FlashSaleSold x when _stage != FlashSaleStage.Open || x.OccurredAt < setup.StartsAt || x.OccurredAt >= setup.EndsAt
                => $"order '{x.OrderId}' is sold in stage {_stage} at {x.OccurredAt:O}, outside the open window",
            FlashSaleSold x when _sales.Count >= setup.Stock => $"order '{x.OrderId}' would sell unit {_sales.Count + 1} of a stock of {setup.Stock}",
            FlashSaleSold x when _byMember.GetValueOrDefault(x.Member) >= setup.PerMemberLimit => $"member {x.Member} is past the limit of {setup.PerMemberLimit}",
            FlashSaleSold x when _byOrder.ContainsKey(x.OrderId) || string.IsNullOrWhiteSpace(x.OrderId) => $"order '{x.OrderId}' is sold twice or has no id",
            FlashSaleSold x when x.Price != setup.Price => $"order '{x.OrderId}' is sold at {x.Price}, not at the flash-sale price {setup.Price}",
            FlashSaleSoldOut o when _stage != FlashSaleStage.Open || _sales.Count != setup.Stock || o.Sold != setup.Stock
                => $"the flash sale is not sold out ({_sales.Count} of {setup.Stock} sold)",
            FlashSaleClosed c when !Lifecycle.CanFire(_stage, FlashSaleTrigger.Closed) || c.Sold != _sales.Count || string.IsNullOrWhiteSpace(c.Reason)
                => $"the flash sale cannot close in stage {_stage} with {c.Sold} sold ({_sales.Count} sold), or without a reason",
            FlashSaleScheduled or FlashSaleOpened or FlashSaleSold or FlashSaleSoldOut or FlashSaleClosed => null,
            _ => $"{e.GetType().Name} is not an event of a flash sale",
        };
    }

    private protected override void Mutate(IPlayEvent e)
    {
        switch (e)
        {
            case FlashSaleScheduled s:
                _setup = s;
                Id = s.PlayId;
                break;
            case FlashSaleOpened:
                _stage = Lifecycle.Next(_stage, FlashSaleTrigger.Opened);
                break;
            case FlashSaleSold x:
                _sales.Add(x);
                _byOrder[x.OrderId] = x;
                _byMember[x.Member] = _byMember.GetValueOrDefault(x.Member) + 1;
                break;
            case FlashSaleSoldOut:
                _stage = Lifecycle.Next(_stage, FlashSaleTrigger.SoldOut);
                break;
            case FlashSaleClosed:
                _stage = Lifecycle.Next(_stage, FlashSaleTrigger.Closed);
                break;
        }
    }
}
