using System.Collections.Immutable;

namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>
/// A group buy (拼团), with the rules shop promotion modules give it: a catalog product at a group price; leaders (团长) open
/// groups within the play's window; a group completes when its target of N participants is reached within its time limit,
/// and then every participant's payment becomes a community order carrying the play's id and the leader rebate (团长返利) is
/// entered in the commission ledger; a group that times out refunds every participant in full, so no money is kept and no
/// commission paid. Per-member and total limits count the places held in groups not refunded; a group may take new
/// customers only (老带新团: joiners who never paid for an order in the community); simulated completion (模拟成团) is an
/// explicit option of the play, allowed by <see cref="CampaignOptions.AllowSimulatedCompletion"/>, recorded in the completion.
/// </summary>
public sealed class GroupBuy : CampaignPlay
{
    private const string RebateRule = "groupbuy/leader-rebate";
    private readonly List<GroupRecord> _groups = [];
    private readonly Dictionary<string, GroupRecord> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _orders = new(StringComparer.Ordinal);
    private GroupBuyScheduled? _setup;

    /// <summary>Creates a group buy not scheduled yet.</summary>
    /// <param name="community">The community it sells within.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CampaignException">The options are unusable (<see cref="ErrorCodes.CampaignInvalidOptions"/>).</exception>
    public GroupBuy(Community community, CampaignOptions options, TimeProvider timeProvider)
        : base(community, options, timeProvider)
    {
    }

    /// <summary>The lifecycle every group of a group buy follows.</summary>
    public static PlayLifecycle<GroupBuyStage, GroupBuyTrigger> Lifecycle { get; } = new(PlayKind.GroupBuy, GroupBuyStage.Forming, m =>
        m.Configure(GroupBuyStage.Forming)
            .Permit(GroupBuyTrigger.Completed, GroupBuyStage.Completed)
            .Permit(GroupBuyTrigger.SimulatedCompletion, GroupBuyStage.Completed)
            .Permit(GroupBuyTrigger.TimedOut, GroupBuyStage.Refunded));

    /// <inheritdoc/>
    public override PlayKind Kind => PlayKind.GroupBuy;

    /// <summary>The group buy as it stands.</summary>
    /// <exception cref="CampaignException">It is not scheduled yet (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public GroupBuyState State
    {
        get
        {
            lock (Gate)
            {
                return new GroupBuyState(Setup, [.. _groups.Select(g => g.ToGroup())]);
            }
        }
    }

    /// <summary>The groups still forming whose time limit has passed: each waits for <see cref="Expire"/>.</summary>
    public ImmutableArray<string> Expired
    {
        get
        {
            lock (Gate)
            {
                var now = Now;
                return [.. _groups.Where(g => g.Stage == GroupBuyStage.Forming && now >= g.Opened.ExpiresAt).Select(g => g.Opened.GroupId)];
            }
        }
    }

    private GroupBuyScheduled Setup => _setup ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, "The group buy is not scheduled yet.", "PlayId");

    /// <summary>Rebuilds a group buy from its stored events, in the order they were stored.</summary>
    /// <param name="events">The play's events.</param>
    /// <param name="community">The community it sold within.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The group buy.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.CampaignReplayMismatch"/>), at its index.</exception>
    public static GroupBuy Replay(IEnumerable<IPlayEvent> events, Community community, CampaignOptions options, TimeProvider timeProvider) =>
        ReplayInto(new GroupBuy(community, options, timeProvider), events);

    /// <summary>Schedules the group buy.</summary>
    /// <param name="setup">The play: its id, product, group price, target, time limit, limits, rebate, window; <see cref="GroupBuyScheduled.OccurredAt"/> is ignored (now).</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">
    /// It is scheduled already; a value is unusable (a target below <see cref="CampaignOptions.GroupBuyMinTarget"/>, a total
    /// limit below the target, an empty window or time limit, a negative rebate, a rebate without commissions in the
    /// community); or simulated completion is asked for and the options do not allow it.
    /// </exception>
    public PlaySale Schedule(GroupBuyScheduled setup) => Decide(() =>
    {
        ArgumentNullException.ThrowIfNull(setup);
        RequireNew();
        var id = Required(setup.PlayId, "PlayId");
        var product = RequireProduct(setup.ProductId, setup.GroupPrice);
        if (SetupProblem(setup) is { } problem)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, problem.Message, problem.Field);
        }

        if (setup.LeaderRebate.IsPositive && Community.Commissions is null)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"A leader rebate of {setup.LeaderRebate} is paid through the commission ledger, and the community has no commissions plugged in.", "LeaderRebate");
        }

        return [setup with { PlayId = id, ProductId = product.Id, OccurredAt = Now }];
    });

    /// <summary>A leader opens a group and takes its first place, paying the group price.</summary>
    /// <param name="groupId">The group's id, new in the play.</param>
    /// <param name="leader">The leader (团长), registered in the community; a leader may be a customer even in a new-customers-only group.</param>
    /// <param name="orderId">The community order the leader's place becomes.</param>
    /// <param name="newCustomersOnly">Whether only members who are not customers yet may join (老带新团).</param>
    /// <returns>The events to store: the group opened and the leader's place.</returns>
    /// <exception cref="CampaignException">Outside the play's window, the group or order id taken, or a limit reached.</exception>
    public PlaySale OpenGroup(string groupId, MemberId leader, string orderId, bool newCustomersOnly = false) => Decide(() =>
    {
        var setup = Setup;
        var id = Required(groupId, "GroupId");
        var now = Now;
        if (now < setup.StartsAt || now >= setup.EndsAt)
        {
            throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Groups of '{setup.PlayId}' open from {setup.StartsAt:O} to {setup.EndsAt:O}; it is {now:O}.", "GroupId");
        }

        if (_byId.ContainsKey(id))
        {
            throw new CampaignException(ErrorCodes.CampaignIdConflict, $"Group '{id}' of '{setup.PlayId}' exists already.", "GroupId");
        }

        RequireMember(leader, "Leader");
        var order = RequireNewOrder(orderId);
        RequireLimits(setup, leader, "Leader");
        return [new GroupBuyGroupOpened(setup.PlayId, id, leader, newCustomersOnly, now + setup.TimeLimit, now), new GroupBuyJoined(setup.PlayId, id, leader, order, setup.GroupPrice, now)];
    });

    /// <summary>
    /// A member joins a group, paying the group price. When the member completes the group, the sales happen in the same step:
    /// every participant's order is placed in the community and the leader rebate entered, or nothing happens.
    /// </summary>
    /// <param name="groupId">A forming group.</param>
    /// <param name="member">The member, registered in the community; not a customer for a new-customers-only group.</param>
    /// <param name="orderId">The community order the place becomes; the same order of the same member again is a repeat.</param>
    /// <returns>The play's events and, on completion, the community's.</returns>
    /// <exception cref="CampaignException">
    /// The group is unknown (<see cref="ErrorCodes.CampaignUnknownPart"/>), complete or refunded (<see cref="ErrorCodes.CampaignInvalidTransition"/>),
    /// past its time limit (<see cref="ErrorCodes.CampaignGroupExpired"/>); the member is in it already, a customer in a new-customers-only group
    /// (<see cref="ErrorCodes.CampaignNotNewCustomer"/>), or past a limit.
    /// </exception>
    /// <exception cref="CommunityModelException">The community refused an order of the completion; nothing changed.</exception>
    public PlaySale Join(string groupId, MemberId member, string orderId)
    {
        lock (Gate)
        {
            var setup = Setup;
            var group = RequireGroup(groupId);
            var id = Required(orderId, "OrderId");
            if (group.Participants.FirstOrDefault(p => p.OrderId == id) is { } same && same.Member == member)
            {
                return PlaySale.Repeat;
            }

            Lifecycle.Next(group.Stage, GroupBuyTrigger.Completed);
            var now = Now;
            if (now >= group.Opened.ExpiresAt)
            {
                throw new CampaignException(ErrorCodes.CampaignGroupExpired, $"Group '{group.Opened.GroupId}' expired at {group.Opened.ExpiresAt:O}; it is {now:O}.", "GroupId");
            }

            if (group.Participants.Any(p => p.Member == member))
            {
                throw new CampaignException(ErrorCodes.CampaignAlreadyJoined, $"Member {member} is in group '{group.Opened.GroupId}' already.", "Member");
            }

            RequireMember(member, "Member");
            if (group.Opened.NewCustomersOnly && Community.OrdersOf(member).FirstOrDefault(o => o.Paid.IsPositive) is { } earlier)
            {
                throw new CampaignException(ErrorCodes.CampaignNotNewCustomer, $"Group '{group.Opened.GroupId}' takes new customers only (老带新团); member {member} is a customer already (order '{earlier.OrderId}').", "Member");
            }

            var order = RequireNewOrder(id);
            RequireLimits(setup, member, "Member");
            var joined = new GroupBuyJoined(setup.PlayId, group.Opened.GroupId, member, order, setup.GroupPrice, now);
            if (group.Participants.Count + 1 < setup.Target)
            {
                return Sell([], null, [joined]);
            }

            var participants = group.Participants.Append(joined).ToList();
            return Complete(setup, group, participants, simulated: false, [joined], now);
        }
    }

    /// <summary>
    /// Settles a group whose time limit passed short of its target: every participant is refunded in full, or, when the play
    /// simulates completion (模拟成团), the group completes with the participants it has and the completion says so.
    /// </summary>
    /// <param name="groupId">A forming group past its time limit.</param>
    /// <returns>The play's events and, on a simulated completion, the community's.</returns>
    /// <exception cref="CampaignException">The group is unknown, settled already, or still within its time limit (<see cref="ErrorCodes.CampaignOutsideWindow"/>).</exception>
    public PlaySale Expire(string groupId)
    {
        lock (Gate)
        {
            var setup = Setup;
            var group = RequireGroup(groupId);
            var trigger = setup.SimulatedCompletion ? GroupBuyTrigger.SimulatedCompletion : GroupBuyTrigger.TimedOut;
            Lifecycle.Next(group.Stage, trigger);
            var now = Now;
            if (now < group.Opened.ExpiresAt)
            {
                throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Group '{group.Opened.GroupId}' runs until {group.Opened.ExpiresAt:O}; it is {now:O}.", "GroupId");
            }

            if (setup.SimulatedCompletion)
            {
                return Complete(setup, group, group.Participants, simulated: true, [], now);
            }

            var refunds = group.Participants.Select(p => new GroupBuyRefund(p.Member, p.OrderId, p.Paid)).ToImmutableArray();
            return Sell([], null, [new GroupBuyRefunded(setup.PlayId, group.Opened.GroupId, refunds, now)]);
        }
    }

    private PlaySale Complete(GroupBuyScheduled setup, GroupRecord group, IReadOnlyList<GroupBuyJoined> participants, bool simulated, ImmutableArray<IPlayEvent> before, DateTimeOffset now)
    {
        var revenue = participants.Aggregate(Money.Zero(setup.GroupPrice.Currency), (sum, p) => sum + p.Paid);
        var completed = new GroupBuyCompleted(setup.PlayId, group.Opened.GroupId, participants.Count, simulated, simulated ? setup.Target - participants.Count : 0, revenue, setup.LeaderRebate, now);
        var orders = participants.Select(p => Order(p.Member, p.OrderId, setup.ProductId, p.Paid, $"group price, group '{group.Opened.GroupId}'")).ToList();
        var reward = setup.LeaderRebate.IsPositive ? new PlayReward($"{setup.PlayId}/{group.Opened.GroupId}/leader-rebate", group.Opened.Leader, setup.LeaderRebate, RebateRule) : null;
        return Sell(orders, reward, before.Add(completed));
    }

    private GroupRecord RequireGroup(string? groupId)
    {
        var id = Required(groupId, "GroupId");
        return _byId.GetValueOrDefault(id) ?? throw new CampaignException(ErrorCodes.CampaignUnknownPart, $"Group buy '{Setup.PlayId}' has no group '{id}'.", "GroupId");
    }

    private string RequireNewOrder(string? orderId)
    {
        var id = Required(orderId, "OrderId");
        return _orders.Contains(id) || Community.TryGetOrder(id, out _)
            ? throw new CampaignException(ErrorCodes.CampaignIdConflict, $"Order '{id}' is taken already.", "OrderId")
            : id;
    }

    private void RequireLimits(GroupBuyScheduled setup, MemberId member, string field)
    {
        var held = Held(member);
        if (held >= setup.PerMemberLimit)
        {
            throw new CampaignException(ErrorCodes.CampaignMemberLimit, $"Member {member} holds {held} place(s) in '{setup.PlayId}'; the limit is {setup.PerMemberLimit} per member.", field);
        }

        var total = Held(null);
        if (total >= setup.TotalLimit)
        {
            throw new CampaignException(ErrorCodes.CampaignSoldOut, $"Group buy '{setup.PlayId}' has all {setup.TotalLimit} places taken.", field);
        }
    }

    // Places held in groups not refunded: all of them, or one member's.
    private int Held(MemberId? member) =>
        _groups.Where(g => g.Stage != GroupBuyStage.Refunded).Sum(g => g.Participants.Count(p => member is null || p.Member == member));

    private (string Message, string Field)? SetupProblem(GroupBuyScheduled s) =>
        s.Target < Options.GroupBuyMinTarget ? ($"The group target {s.Target} is below {Options.GroupBuyMinTarget} (Campaigns:GroupBuyMinTarget).", "Target")
        : s.TotalLimit < s.Target ? ($"The total limit {s.TotalLimit} is below the group target {s.Target}; no group could complete.", "TotalLimit")
        : s.PerMemberLimit < 1 ? ($"The per-member limit {s.PerMemberLimit} must be at least one.", "PerMemberLimit")
        : s.TimeLimit <= TimeSpan.Zero ? ($"The time limit {s.TimeLimit} must be above zero.", "TimeLimit")
        : s.EndsAt <= s.StartsAt ? ($"The window {s.StartsAt:O} to {s.EndsAt:O} is empty.", "EndsAt")
        : s.LeaderRebate.IsNegative || s.LeaderRebate.Currency != s.GroupPrice.Currency ? ($"The leader rebate {s.LeaderRebate} must not be negative and in {s.GroupPrice.Currency.Code}.", "LeaderRebate")
        : s.SimulatedCompletion && !Options.AllowSimulatedCompletion ? ("Simulated completion (模拟成团) is not allowed: Campaigns:AllowSimulatedCompletion is off.", "SimulatedCompletion")
        : null;

    private protected override string? Problem(IPlayEvent e)
    {
        if (e is GroupBuyScheduled s)
        {
            return _setup is not null ? $"group buy '{s.PlayId}' is scheduled twice"
                : Given(s.PlayId, "id", "the group buy") ?? Given(s.ProductId, "product", "the group buy") ?? SetupProblem(s)?.Message
                ?? (Community.Catalog is { } catalog && catalog.TryGetProduct(s.ProductId, out var p) && p.Price.Currency == s.GroupPrice.Currency && !s.GroupPrice.IsNegative && s.GroupPrice <= p.Price
                    ? null
                    : $"group buy '{s.PlayId}' sells '{s.ProductId}' at {s.GroupPrice}, which is not a catalog product at or below its list price");
        }

        if (_setup is not { } setup)
        {
            return "the group buy is not scheduled";
        }

        switch (e)
        {
            case GroupBuyGroupOpened o:
                return _byId.ContainsKey(o.GroupId) || string.IsNullOrWhiteSpace(o.GroupId) ? $"group '{o.GroupId}' is opened twice or has no id"
                    : o.OccurredAt < setup.StartsAt || o.OccurredAt >= setup.EndsAt ? $"group '{o.GroupId}' opens at {o.OccurredAt:O}, outside the window"
                    : o.ExpiresAt != o.OccurredAt + setup.TimeLimit ? $"group '{o.GroupId}' expires at {o.ExpiresAt:O}, not after the time limit {setup.TimeLimit}"
                    : null;
            case GroupBuyJoined j:
                if (!_byId.TryGetValue(j.GroupId, out var group) || group.Stage != GroupBuyStage.Forming)
                {
                    return $"group '{j.GroupId}' is unknown or not forming";
                }

                return (group.Participants.Count == 0) != (j.Member == group.Opened.Leader) ? $"member {j.Member} takes place {group.Participants.Count + 1} of group '{j.GroupId}'; its leader {group.Opened.Leader} takes the first and only the first"
                    : j.OccurredAt >= group.Opened.ExpiresAt || j.OccurredAt < group.Opened.OccurredAt ? $"member {j.Member} joins group '{j.GroupId}' at {j.OccurredAt:O}, outside its time limit"
                    : group.Participants.Any(p => p.Member == j.Member) ? $"member {j.Member} joins group '{j.GroupId}' twice"
                    : group.Participants.Count >= setup.Target ? $"group '{j.GroupId}' is full"
                    : _orders.Contains(j.OrderId) || string.IsNullOrWhiteSpace(j.OrderId) ? $"order '{j.OrderId}' is taken twice or has no id"
                    : j.Paid != setup.GroupPrice ? $"member {j.Member} paid {j.Paid}, not the group price {setup.GroupPrice}"
                    : Held(j.Member) >= setup.PerMemberLimit ? $"member {j.Member} is past the limit of {setup.PerMemberLimit}"
                    : Held(null) >= setup.TotalLimit ? $"the total limit of {setup.TotalLimit} is reached"
                    : null;
            case GroupBuyCompleted c:
                if (!_byId.TryGetValue(c.GroupId, out var done) || !Lifecycle.CanFire(done.Stage, c.Simulated ? GroupBuyTrigger.SimulatedCompletion : GroupBuyTrigger.Completed))
                {
                    return $"group '{c.GroupId}' is unknown or not forming";
                }

                var paid = done.Participants.Aggregate(Money.Zero(setup.GroupPrice.Currency), (sum, p) => sum + p.Paid);
                return c.Participants != done.Participants.Count || c.Revenue != paid || c.LeaderRebate != setup.LeaderRebate ? $"group '{c.GroupId}' completes with {c.Participants} participants, {c.Revenue} and rebate {c.LeaderRebate}; it has {done.Participants.Count}, {paid} and rebate {setup.LeaderRebate}"
                    : !c.Simulated && (done.Participants.Count != setup.Target || c.Missing != 0) ? $"group '{c.GroupId}' has {done.Participants.Count} of {setup.Target} participants; it completes at the target"
                    : c.Simulated && (!setup.SimulatedCompletion || c.OccurredAt < done.Opened.ExpiresAt || c.Missing != setup.Target - done.Participants.Count) ? $"group '{c.GroupId}' cannot complete by simulation (not allowed by the play, before expiry, or a wrong count of places missing)"
                    : null;
            case GroupBuyRefunded r:
                if (!_byId.TryGetValue(r.GroupId, out var lapsed) || !Lifecycle.CanFire(lapsed.Stage, GroupBuyTrigger.TimedOut))
                {
                    return $"group '{r.GroupId}' is unknown or not forming";
                }

                var owed = lapsed.Participants.Select(p => new GroupBuyRefund(p.Member, p.OrderId, p.Paid));
                return setup.SimulatedCompletion || r.OccurredAt < lapsed.Opened.ExpiresAt ? $"group '{r.GroupId}' is refunded before its expiry or in a play that simulates completion"
                    : !owed.SequenceEqual(r.Refunds.IsDefault ? [] : r.Refunds) ? $"group '{r.GroupId}' refunds other amounts than every participant paid"
                    : null;
            default:
                return $"{e.GetType().Name} is not an event of a group buy";
        }
    }

    private protected override void Mutate(IPlayEvent e)
    {
        switch (e)
        {
            case GroupBuyScheduled s:
                _setup = s;
                Id = s.PlayId;
                break;
            case GroupBuyGroupOpened o:
                var group = new GroupRecord(o);
                _groups.Add(group);
                _byId[o.GroupId] = group;
                break;
            case GroupBuyJoined j:
                _byId[j.GroupId].Participants.Add(j);
                _orders.Add(j.OrderId);
                break;
            case GroupBuyCompleted c:
                var completed = _byId[c.GroupId];
                completed.Stage = Lifecycle.Next(completed.Stage, c.Simulated ? GroupBuyTrigger.SimulatedCompletion : GroupBuyTrigger.Completed);
                completed.Completion = c;
                break;
            case GroupBuyRefunded r:
                var refunded = _byId[r.GroupId];
                refunded.Stage = Lifecycle.Next(refunded.Stage, GroupBuyTrigger.TimedOut);
                refunded.Refund = r;
                break;
        }
    }

    private sealed class GroupRecord(GroupBuyGroupOpened opened)
    {
        public GroupBuyGroupOpened Opened { get; } = opened;

        public List<GroupBuyJoined> Participants { get; } = [];

        public GroupBuyStage Stage { get; set; }

        public GroupBuyCompleted? Completion { get; set; }

        public GroupBuyRefunded? Refund { get; set; }

        public GroupBuyGroup ToGroup() => new(Opened, Stage, [.. Participants], Completion, Refund);
    }
}
