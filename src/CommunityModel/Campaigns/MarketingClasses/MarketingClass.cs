namespace CommunityModel.Campaigns.MarketingClasses;

/// <summary>
/// A live marketing class (营销课): scheduled → live → the same-night follow-up window (当晚跟进, which the seed finds works
/// best) → closed. The window ends at <see cref="CampaignOptions.FollowUpEndsAt"/> on the community's local clock
/// (<see cref="CampaignOptions.TimeZone"/>, Asia/Shanghai by default), read from the <see cref="TimeProvider"/>. A sale from
/// going live to the end of the window is attributed to the class (its order carries the play's id); a sale outside it is
/// refused attribution (<see cref="ErrorCodes.CampaignOutsideWindow"/>) and belongs to no play.
/// </summary>
public sealed class MarketingClass : CampaignPlay
{
    private readonly List<MarketingClassSold> _sales = [];
    private readonly HashSet<string> _orders = new(StringComparer.Ordinal);
    private MarketingClassScheduled? _setup;
    private MarketingClassStage _stage;
    private DateTimeOffset? _wentLiveAt;
    private MarketingClassEnded? _ended;

    /// <summary>Creates a marketing class not scheduled yet.</summary>
    /// <param name="community">The community it sells within.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CampaignException">The options are unusable (<see cref="ErrorCodes.CampaignInvalidOptions"/>).</exception>
    public MarketingClass(Community community, CampaignOptions options, TimeProvider timeProvider)
        : base(community, options, timeProvider)
    {
    }

    /// <summary>The lifecycle every marketing class follows.</summary>
    public static PlayLifecycle<MarketingClassStage, MarketingClassTrigger> Lifecycle { get; } = new(PlayKind.MarketingClass, MarketingClassStage.Scheduled, m =>
    {
        m.Configure(MarketingClassStage.Scheduled)
            .Permit(MarketingClassTrigger.WentLive, MarketingClassStage.Live)
            .Permit(MarketingClassTrigger.Cancelled, MarketingClassStage.Closed);
        m.Configure(MarketingClassStage.Live)
            .Permit(MarketingClassTrigger.Ended, MarketingClassStage.FollowUp);
        m.Configure(MarketingClassStage.FollowUp)
            .Permit(MarketingClassTrigger.FollowUpEnded, MarketingClassStage.Closed);
    });

    /// <inheritdoc/>
    public override PlayKind Kind => PlayKind.MarketingClass;

    /// <summary>The class as it stands.</summary>
    /// <exception cref="CampaignException">It is not scheduled yet (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public MarketingClassState State
    {
        get
        {
            lock (Gate)
            {
                return new MarketingClassState(Setup, _stage, _wentLiveAt, _ended, [.. _sales]);
            }
        }
    }

    private MarketingClassScheduled Setup => _setup ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, "The marketing class is not scheduled yet.", "PlayId");

    /// <summary>Rebuilds a marketing class from its stored events, in the order they were stored.</summary>
    /// <param name="events">The play's events.</param>
    /// <param name="community">The community it sold within.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The class.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.CampaignReplayMismatch"/>), at its index.</exception>
    public static MarketingClass Replay(IEnumerable<IPlayEvent> events, Community community, CampaignOptions options, TimeProvider timeProvider) =>
        ReplayInto(new MarketingClass(community, options, timeProvider), events);

    /// <summary>Schedules the class and its offer.</summary>
    /// <param name="playId">The play's id.</param>
    /// <param name="title">The class's title.</param>
    /// <param name="productId">The catalog product offered.</param>
    /// <param name="price">The class price; at most the list price.</param>
    /// <param name="startsAt">When it is to go live.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is scheduled already, or a value is unusable.</exception>
    public PlaySale Schedule(string playId, string title, string productId, Money price, DateTimeOffset startsAt) => Decide(() =>
    {
        RequireNew();
        var id = Required(playId, "PlayId");
        var name = Required(title, "Title");
        var product = RequireProduct(productId, price);
        return [new MarketingClassScheduled(id, name, product.Id, price, startsAt, Now)];
    });

    /// <summary>The class goes live (开播).</summary>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is not scheduled, or not in a stage that goes live (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public PlaySale GoLive() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, MarketingClassTrigger.WentLive);
        return [new MarketingClassWentLive(setup.PlayId, Now)];
    });

    /// <summary>The class ends (下播): the same-night follow-up window opens, ending at the configured local time.</summary>
    /// <returns>The event to store, with the window's end.</returns>
    /// <exception cref="CampaignException">The class is not live (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public PlaySale End() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, MarketingClassTrigger.Ended);
        var now = Now;
        return [new MarketingClassEnded(setup.PlayId, NextLocal(now, Options.FollowUpEndsAt), now)];
    });

    /// <summary>A sale attributed to the class: live or within the follow-up window, at the class price.</summary>
    /// <param name="member">The buyer.</param>
    /// <param name="orderId">The community order; the same order of the same member again is a repeat.</param>
    /// <returns>The play's event and the community's.</returns>
    /// <exception cref="CampaignException">Outside the class's window (<see cref="ErrorCodes.CampaignOutsideWindow"/>): not attributed, and nothing sold.</exception>
    /// <exception cref="CommunityModelException">The community refused the order; nothing changed.</exception>
    public PlaySale Sell(MemberId member, string orderId)
    {
        lock (Gate)
        {
            var setup = Setup;
            var id = Required(orderId, "OrderId");
            if (_sales.FirstOrDefault(s => s.OrderId == id) is { } taken)
            {
                return taken.Member == member ? PlaySale.Repeat : throw new CampaignException(ErrorCodes.CampaignIdConflict, $"Order '{id}' is a sale of member {taken.Member}.", "OrderId");
            }

            var now = Now;
            if (OutsideWindow(now) is { } outside)
            {
                throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"A sale at {now:O} is not attributed to marketing class '{setup.PlayId}': {outside}.", "PlayId");
            }

            RequireMember(member, "Member");
            return Sell([Order(member, id, setup.ProductId, setup.Price, "class price")], null, [new MarketingClassSold(setup.PlayId, member, id, setup.Price, now)]);
        }
    }

    /// <summary>Closes the class once its follow-up window has ended.</summary>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is not in its follow-up, or the window is still open (<see cref="ErrorCodes.CampaignOutsideWindow"/>).</exception>
    public PlaySale Close() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, MarketingClassTrigger.FollowUpEnded);
        var now = Now;
        return now < _ended!.FollowUpEndsAt
            ? throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"The follow-up window of '{setup.PlayId}' runs until {_ended.FollowUpEndsAt:O}; it is {now:O}.", "PlayId")
            : [new MarketingClassClosed(setup.PlayId, false, "follow-up window ended", now)];
    });

    /// <summary>Cancels the class before it goes live.</summary>
    /// <param name="reason">Why; required.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It went live already (<see cref="ErrorCodes.CampaignInvalidTransition"/>), or no reason is given.</exception>
    public PlaySale Cancel(string reason) => Decide(() =>
    {
        var setup = Setup;
        var why = Required(reason, "Reason");
        Lifecycle.Next(_stage, MarketingClassTrigger.Cancelled);
        return [new MarketingClassClosed(setup.PlayId, true, why, Now)];
    });

    private string? OutsideWindow(DateTimeOffset at) => _stage switch
    {
        MarketingClassStage.Scheduled => "it has not gone live",
        MarketingClassStage.Live when at < _wentLiveAt => "it is before the class went live",
        MarketingClassStage.FollowUp when at >= _ended!.FollowUpEndsAt => $"the follow-up window ended at {_ended.FollowUpEndsAt:O}",
        MarketingClassStage.Closed => "the class is closed",
        _ => null,
    };

    private protected override string? Problem(IPlayEvent e)
    {
        if (e is MarketingClassScheduled s)
        {
            return _setup is not null ? $"marketing class '{s.PlayId}' is scheduled twice"
                : Given(s.PlayId, "id", "the class") ?? Given(s.Title, "title", "the class") ?? Given(s.ProductId, "product", "the class")
                ?? (Community.Catalog is { } catalog && catalog.TryGetProduct(s.ProductId, out var p) && p.Price.Currency == s.Price.Currency && !s.Price.IsNegative && s.Price <= p.Price
                    ? null
                    : $"class '{s.PlayId}' offers '{s.ProductId}' at {s.Price}, which is not a catalog product at or below its list price");
        }

        if (_setup is not { } setup)
        {
            return "the marketing class is not scheduled";
        }

        return e switch
        {
            MarketingClassWentLive when !Lifecycle.CanFire(_stage, MarketingClassTrigger.WentLive) => $"the class cannot go live in stage {_stage}",
            MarketingClassEnded x when !Lifecycle.CanFire(_stage, MarketingClassTrigger.Ended) || x.OccurredAt < _wentLiveAt || x.FollowUpEndsAt != NextLocal(x.OccurredAt, Options.FollowUpEndsAt)
                => $"the class cannot end in stage {_stage} at {x.OccurredAt:O} with a follow-up window to {x.FollowUpEndsAt:O} (the rules give {NextLocal(x.OccurredAt, Options.FollowUpEndsAt):O})",
            MarketingClassSold x when OutsideWindow(x.OccurredAt) is { } outside => $"order '{x.OrderId}' at {x.OccurredAt:O} is outside the class's window: {outside}",
            MarketingClassSold x when _orders.Contains(x.OrderId) || string.IsNullOrWhiteSpace(x.OrderId) || x.Price != setup.Price
                => $"order '{x.OrderId}' is sold twice, has no id or is not at the class price {setup.Price}",
            MarketingClassClosed c when !Lifecycle.CanFire(_stage, c.Cancelled ? MarketingClassTrigger.Cancelled : MarketingClassTrigger.FollowUpEnded) || (!c.Cancelled && c.OccurredAt < _ended!.FollowUpEndsAt) || string.IsNullOrWhiteSpace(c.Reason)
                => $"the class cannot {(c.Cancelled ? "be cancelled" : "close")} in stage {_stage} at {c.OccurredAt:O}, or closes without a reason",
            MarketingClassWentLive or MarketingClassEnded or MarketingClassSold or MarketingClassClosed => null,
            _ => $"{e.GetType().Name} is not an event of a marketing class",
        };
    }

    private protected override void Mutate(IPlayEvent e)
    {
        switch (e)
        {
            case MarketingClassScheduled s:
                _setup = s;
                Id = s.PlayId;
                break;
            case MarketingClassWentLive w:
                _stage = Lifecycle.Next(_stage, MarketingClassTrigger.WentLive);
                _wentLiveAt = w.OccurredAt;
                break;
            case MarketingClassEnded x:
                _stage = Lifecycle.Next(_stage, MarketingClassTrigger.Ended);
                _ended = x;
                break;
            case MarketingClassSold x:
                _sales.Add(x);
                _orders.Add(x.OrderId);
                break;
            case MarketingClassClosed c:
                _stage = Lifecycle.Next(_stage, c.Cancelled ? MarketingClassTrigger.Cancelled : MarketingClassTrigger.FollowUpEnded);
                break;
        }
    }
}
