using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>
/// A bootcamp (训练营): a low-price course of <see cref="CampaignOptions.BootcampMinSessions"/> to
/// <see cref="CampaignOptions.BootcampMaxSessions"/> sessions (3–5 by default) that lets members taste the course and the
/// service, then converts them. Members enrol by buying its course (the order carries the play's id), attendance is
/// recorded per session, and after it finishes <see cref="Conversion"/> measures the enrolled members who bought anything
/// else within <see cref="CampaignOptions.ConversionWindow"/> after the end, over the members enrolled.
/// </summary>
public sealed class Bootcamp : CampaignPlay
{
    private readonly List<BootcampEnrolled> _enrolments = [];
    private readonly List<BootcampAttended> _attendance = [];
    private readonly HashSet<(string Session, MemberId Member)> _attended = [];
    private BootcampScheduled? _setup;
    private BootcampStage _stage;
    private DateTimeOffset? _finishedAt;

    /// <summary>Creates a bootcamp not scheduled yet.</summary>
    /// <param name="community">The community it sells within.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CampaignException">The options are unusable (<see cref="ErrorCodes.CampaignInvalidOptions"/>).</exception>
    public Bootcamp(Community community, CampaignOptions options, TimeProvider timeProvider)
        : base(community, options, timeProvider)
    {
    }

    /// <summary>The lifecycle every bootcamp follows.</summary>
    public static PlayLifecycle<BootcampStage, BootcampTrigger> Lifecycle { get; } = new(PlayKind.Bootcamp, BootcampStage.Enrolling, m =>
    {
        m.Configure(BootcampStage.Enrolling)
            .Permit(BootcampTrigger.Started, BootcampStage.Running)
            .Permit(BootcampTrigger.Cancelled, BootcampStage.Cancelled);
        m.Configure(BootcampStage.Running)
            .Permit(BootcampTrigger.Finished, BootcampStage.Finished);
    });

    /// <inheritdoc/>
    public override PlayKind Kind => PlayKind.Bootcamp;

    /// <summary>The bootcamp as it stands.</summary>
    /// <exception cref="CampaignException">It is not scheduled yet (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public BootcampState State
    {
        get
        {
            lock (Gate)
            {
                return new BootcampState(Setup, _stage, [.. _enrolments], [.. _attendance], _finishedAt);
            }
        }
    }

    private BootcampScheduled Setup => _setup ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, "The bootcamp is not scheduled yet.", "PlayId");

    /// <summary>Rebuilds a bootcamp from its stored events, in the order they were stored.</summary>
    /// <param name="events">The play's events.</param>
    /// <param name="community">The community it sold within.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The bootcamp.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.CampaignReplayMismatch"/>), at its index.</exception>
    public static Bootcamp Replay(IEnumerable<IPlayEvent> events, Community community, CampaignOptions options, TimeProvider timeProvider) =>
        ReplayInto(new Bootcamp(community, options, timeProvider), events);

    /// <summary>Schedules the bootcamp.</summary>
    /// <param name="playId">The play's id.</param>
    /// <param name="title">Its title.</param>
    /// <param name="productId">The catalog product members buy to enrol.</param>
    /// <param name="price">The enrolment price; at most the list price.</param>
    /// <param name="sessions">The sessions' ids, distinct, within the configured bounds.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is scheduled already, the number of sessions is out of bounds, a session id repeats, or a value is unusable.</exception>
    public PlaySale Schedule(string playId, string title, string productId, Money price, IReadOnlyList<string> sessions) => Decide(() =>
    {
        ArgumentNullException.ThrowIfNull(sessions);
        RequireNew();
        var id = Required(playId, "PlayId");
        var name = Required(title, "Title");
        var product = RequireProduct(productId, price);
        ImmutableArray<string> ids = [.. sessions.Select(s => Required(s, "Sessions"))];
        if (SessionProblem(ids) is { } problem)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, problem, "Sessions");
        }

        return [new BootcampScheduled(id, name, product.Id, price, ids, Now)];
    });

    /// <summary>A member enrols by buying the course at the bootcamp price.</summary>
    /// <param name="member">The member.</param>
    /// <param name="orderId">The community order; the same order of the same member again is a repeat.</param>
    /// <returns>The play's event and the community's.</returns>
    /// <exception cref="CampaignException">Enrolment is closed (<see cref="ErrorCodes.CampaignInvalidTransition"/>), or the member is enrolled already (<see cref="ErrorCodes.CampaignAlreadyJoined"/>).</exception>
    /// <exception cref="CommunityModelException">The community refused the order; nothing changed.</exception>
    public PlaySale Enrol(MemberId member, string orderId)
    {
        lock (Gate)
        {
            var setup = Setup;
            var id = Required(orderId, "OrderId");
            if (_enrolments.FirstOrDefault(e => e.Member == member) is { } enrolled)
            {
                return enrolled.OrderId == id ? PlaySale.Repeat : throw new CampaignException(ErrorCodes.CampaignAlreadyJoined, $"Member {member} is enrolled in '{setup.PlayId}' already (order '{enrolled.OrderId}').", "Member");
            }

            if (_stage != BootcampStage.Enrolling)
            {
                throw new CampaignException(ErrorCodes.CampaignInvalidTransition, $"Bootcamp '{setup.PlayId}' is {Lifecycle.DisplayName(_stage)}; members enrol while it is {Lifecycle.DisplayName(BootcampStage.Enrolling)}.", "PlayId");
            }

            if (_enrolments.Any(e => e.OrderId == id))
            {
                throw new CampaignException(ErrorCodes.CampaignIdConflict, $"Order '{id}' is another member's enrolment.", "OrderId");
            }

            RequireMember(member, "Member");
            return Sell([Order(member, id, setup.ProductId, setup.Price, "bootcamp enrolment")], null, [new BootcampEnrolled(setup.PlayId, member, id, setup.Price, Now)]);
        }
    }

    /// <summary>The bootcamp starts (开营); enrolment closes.</summary>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is not enrolling, or no one enrolled (<see cref="ErrorCodes.CampaignInvalidRequest"/>).</exception>
    public PlaySale Start() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, BootcampTrigger.Started);
        return _enrolments.Count == 0
            ? throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"No one enrolled in '{setup.PlayId}'; cancel it instead.", "PlayId")
            : [new BootcampStarted(setup.PlayId, Now)];
    });

    /// <summary>An enrolled member attended a session.</summary>
    /// <param name="sessionId">One of the bootcamp's sessions.</param>
    /// <param name="member">An enrolled member.</param>
    /// <returns>The event to store; a repeat for the same member and session.</returns>
    /// <exception cref="CampaignException">The bootcamp is not running, the session unknown (<see cref="ErrorCodes.CampaignUnknownPart"/>), or the member not enrolled (<see cref="ErrorCodes.CampaignNotParticipant"/>).</exception>
    public PlaySale Attend(string sessionId, MemberId member)
    {
        lock (Gate)
        {
            var setup = Setup;
            var session = Required(sessionId, "SessionId");
            if (_stage != BootcampStage.Running)
            {
                throw new CampaignException(ErrorCodes.CampaignInvalidTransition, $"Bootcamp '{setup.PlayId}' is {Lifecycle.DisplayName(_stage)}; attendance is recorded while it runs.", "PlayId");
            }

            if (!setup.Sessions.Contains(session))
            {
                throw new CampaignException(ErrorCodes.CampaignUnknownPart, $"Bootcamp '{setup.PlayId}' has no session '{session}'; its sessions are {string.Join(", ", setup.Sessions)}.", "SessionId");
            }

            if (!_enrolments.Any(e => e.Member == member))
            {
                throw new CampaignException(ErrorCodes.CampaignNotParticipant, $"Member {member} is not enrolled in '{setup.PlayId}'.", "Member");
            }

            if (_attended.Contains((session, member)))
            {
                return PlaySale.Repeat;
            }

            var attended = new BootcampAttended(setup.PlayId, session, member, Now);
            Apply(attended);
            return new PlaySale([attended], []);
        }
    }

    /// <summary>The bootcamp finishes (结营); the conversion window opens.</summary>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is not running (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public PlaySale Finish() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, BootcampTrigger.Finished);
        return [new BootcampFinished(setup.PlayId, Now)];
    });

    /// <summary>Cancels the bootcamp before it starts, when no one has enrolled.</summary>
    /// <param name="reason">Why; required.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It started already, or members enrolled (<see cref="ErrorCodes.CampaignInvalidRequest"/>: refund them first).</exception>
    public PlaySale Cancel(string reason) => Decide(() =>
    {
        var setup = Setup;
        var why = Required(reason, "Reason");
        Lifecycle.Next(_stage, BootcampTrigger.Cancelled);
        return _enrolments.Count > 0
            ? throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"{_enrolments.Count} member(s) enrolled in '{setup.PlayId}'; a bootcamp with enrolments runs.", "PlayId")
            : [new BootcampCancelled(setup.PlayId, why, Now)];
    });

    /// <summary>
    /// The conversion measured after the bootcamp: the enrolled members with a paid order in the community, other than the
    /// bootcamp's own, after it finished and within <see cref="CampaignOptions.ConversionWindow"/>, over the members enrolled.
    /// </summary>
    /// <returns>The conversion.</returns>
    /// <exception cref="CampaignException">The bootcamp has not finished (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public BootcampConversion Conversion()
    {
        lock (Gate)
        {
            var setup = Setup;
            var finished = _finishedAt ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, $"Bootcamp '{setup.PlayId}' is {Lifecycle.DisplayName(_stage)}; conversion is measured after it finishes.", "PlayId");
            var until = finished + Options.ConversionWindow;
            var converted = _enrolments
                .Where(e => Community.OrdersOf(e.Member).Any(o => o.Play != setup.PlayId && o.Paid.IsPositive && o.PaidAt > finished && o.PaidAt <= until))
                .Select(e => e.Member)
                .ToImmutableArray();
            return new BootcampConversion(_enrolments.Count, converted, until);
        }
    }

    private string? SessionProblem(ImmutableArray<string> sessions) =>
        sessions.IsDefault || sessions.Length < Options.BootcampMinSessions || sessions.Length > Options.BootcampMaxSessions
            ? $"A bootcamp has {Options.BootcampMinSessions} to {Options.BootcampMaxSessions} sessions (Campaigns:BootcampMinSessions, BootcampMaxSessions); this one has {(sessions.IsDefault ? 0 : sessions.Length)}."
            : sessions.Distinct(StringComparer.Ordinal).Count() != sessions.Length || sessions.Any(string.IsNullOrWhiteSpace) ? "Session ids must be distinct and not empty."
            : null;

    private protected override string? Problem(IPlayEvent e)
    {
        if (e is BootcampScheduled s)
        {
            return _setup is not null ? $"bootcamp '{s.PlayId}' is scheduled twice"
                : Given(s.PlayId, "id", "the bootcamp") ?? Given(s.Title, "title", "the bootcamp") ?? Given(s.ProductId, "product", "the bootcamp") ?? SessionProblem(s.Sessions)
                ?? (Community.Catalog is { } catalog && catalog.TryGetProduct(s.ProductId, out var p) && p.Price.Currency == s.Price.Currency && !s.Price.IsNegative && s.Price <= p.Price
                    ? null
                    : $"bootcamp '{s.PlayId}' sells '{s.ProductId}' at {s.Price}, which is not a catalog product at or below its list price");
        }

        if (_setup is not { } setup)
        {
            return "the bootcamp is not scheduled";
        }

        return e switch
        {
            BootcampEnrolled x when _stage != BootcampStage.Enrolling || _enrolments.Any(n => n.Member == x.Member || n.OrderId == x.OrderId) || string.IsNullOrWhiteSpace(x.OrderId) || x.Price != setup.Price
                => $"member {x.Member} cannot enrol with order '{x.OrderId}' at {x.Price} (stage {_stage}, enrolled already, an order id taken, or not the bootcamp price {setup.Price})",
            BootcampStarted when !Lifecycle.CanFire(_stage, BootcampTrigger.Started) || _enrolments.Count == 0 => $"the bootcamp cannot start in stage {_stage} with {_enrolments.Count} enrolled",
            BootcampAttended a when _stage != BootcampStage.Running || !setup.Sessions.Contains(a.SessionId) || !_enrolments.Any(n => n.Member == a.Member) || _attended.Contains((a.SessionId, a.Member))
                => $"member {a.Member} cannot attend session '{a.SessionId}' (stage {_stage}, an unknown session, not enrolled, or attended already)",
            BootcampFinished when !Lifecycle.CanFire(_stage, BootcampTrigger.Finished) => $"the bootcamp cannot finish in stage {_stage}",
            BootcampCancelled c when !Lifecycle.CanFire(_stage, BootcampTrigger.Cancelled) || _enrolments.Count > 0 || string.IsNullOrWhiteSpace(c.Reason)
                => $"the bootcamp cannot be cancelled in stage {_stage} with {_enrolments.Count} enrolled, or without a reason",
            BootcampEnrolled or BootcampStarted or BootcampAttended or BootcampFinished or BootcampCancelled => null,
            _ => $"{e.GetType().Name} is not an event of a bootcamp",
        };
    }

    private protected override void Mutate(IPlayEvent e)
    {
        switch (e)
        {
            case BootcampScheduled s:
                _setup = s;
                Id = s.PlayId;
                break;
            case BootcampEnrolled x:
                _enrolments.Add(x);
                break;
            case BootcampStarted:
                _stage = Lifecycle.Next(_stage, BootcampTrigger.Started);
                break;
            case BootcampAttended a:
                _attendance.Add(a);
                _attended.Add((a.SessionId, a.Member));
                break;
            case BootcampFinished f:
                _stage = Lifecycle.Next(_stage, BootcampTrigger.Finished);
                _finishedAt = f.OccurredAt;
                break;
            case BootcampCancelled:
                _stage = Lifecycle.Next(_stage, BootcampTrigger.Cancelled);
                break;
        }
    }
}
