using System.Collections.Immutable;

namespace CommunityModel.Organisation;

/// <summary>
/// The organisation (组织机构): headquarters (总部), classes led by a class monitor (班长), squads led by a group leader
/// (组长), and students (学生) — a tree of groups distinct from the referral network. It keeps who is in which group with
/// the history of every stay, elects class monitors (班长选举: one vote per eligible member, a quorum, a tie rule, a term),
/// and holds the rules as data: activities are registered in advance and approved before they run (活动报备), and banned
/// topics (不准谈论政治、宗教) are refused wherever a title or topic is written (<see cref="Moderation"/>).
/// </summary>
/// <remarks>
/// Every request is decided against the state before anything changes: a refusal throws a typed
/// <see cref="OrganisationException"/> and leaves the organisation as it was. <see cref="Apply"/> is the one way state
/// changes, and <see cref="Replay"/> rebuilds an organisation from its stored events. Requests are serialised by a lock.
/// </remarks>
public sealed class Organisation
{
    /// <summary>The id of headquarters, the root every class sits under.</summary>
    public const string Headquarters = "hq";

    private readonly object _gate = new();
    private readonly OrganisationOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, GroupRecord> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, List<GroupStay>> _history = [];
    private readonly Dictionary<string, ElectionRecord> _elections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisteredActivity> _activities = new(StringComparer.Ordinal);
    private int _applied;

    /// <summary>Creates an organisation with headquarters only.</summary>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="OrganisationException">The options are unusable (<see cref="ErrorCodes.OrganisationInvalidOptions"/>; every problem named).</exception>
    public Organisation(OrganisationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var problems = OrganisationOptionsValidator.Problems(options).Select(p => "Organisation:" + p).ToList();
        if (problems.Count > 0)
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidOptions, "Organisation options are invalid: " + string.Join(" ", problems));
        }

        _options = options;
        Moderation = new TopicModeration(options.BannedTopics);
        _groups[Headquarters] = new GroupRecord(Headquarters, GroupKind.Headquarters, null, "总部 Headquarters");
    }

    /// <summary>The banned-topic check every title and topic passes; a moderation hook of the integrator's chat can call it too.</summary>
    public TopicModeration Moderation { get; }

    /// <summary>Every group, headquarters first, then in the order founded.</summary>
    public ImmutableArray<OrganisationGroup> Groups
    {
        get
        {
            lock (_gate)
            {
                return [.. _groups.Values.Select(g => g.ToGroup())];
            }
        }
    }

    /// <summary>Rebuilds an organisation from its stored events, in the order they were stored.</summary>
    /// <param name="events">The events.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The organisation.</returns>
    /// <exception cref="ReplayException">An event does not fit the state before it (<see cref="ErrorCodes.OrganisationReplayMismatch"/>), at its index.</exception>
    public static Organisation Replay(IEnumerable<IOrganisationEvent> events, OrganisationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(events);
        var organisation = new Organisation(options, timeProvider);
        foreach (var e in events)
        {
            organisation.Apply(e);
        }

        return organisation;
    }

    /// <summary>A group as it stands.</summary>
    /// <param name="groupId">The group's id.</param>
    /// <returns>The group.</returns>
    /// <exception cref="OrganisationException">No such group (<see cref="ErrorCodes.OrganisationUnknownGroup"/>).</exception>
    public OrganisationGroup Group(string groupId)
    {
        lock (_gate)
        {
            return RequireGroup(groupId, "GroupId").ToGroup();
        }
    }

    /// <summary>The group the member is in now, or <see langword="null"/>.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The group's id.</returns>
    public string? GroupOf(MemberId member)
    {
        lock (_gate)
        {
            return CurrentGroup(member);
        }
    }

    /// <summary>Every stay of the member, in order, the current one last and open.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The stays; empty for a member never in a group.</returns>
    public ImmutableArray<GroupStay> HistoryOf(MemberId member)
    {
        lock (_gate)
        {
            return _history.TryGetValue(member, out var stays) ? [.. stays] : [];
        }
    }

    /// <summary>The members of a group and, for a class or headquarters, of every group under it.</summary>
    /// <param name="groupId">The group.</param>
    /// <returns>The members, by group in the order founded, then in the order they came.</returns>
    /// <exception cref="OrganisationException">No such group.</exception>
    public ImmutableArray<MemberId> MembersUnder(string groupId)
    {
        lock (_gate)
        {
            return [.. Under(RequireGroup(groupId, "GroupId"))];
        }
    }

    /// <summary>A registered activity.</summary>
    /// <param name="activityId">The activity's id.</param>
    /// <returns>The activity, or <see langword="null"/>.</returns>
    public RegisteredActivity? Activity(string activityId)
    {
        ArgumentNullException.ThrowIfNull(activityId);
        lock (_gate)
        {
            return _activities.GetValueOrDefault(activityId);
        }
    }

    /// <summary>Founds a class under headquarters or a squad under a class.</summary>
    /// <param name="groupId">The new group's id.</param>
    /// <param name="kind"><see cref="GroupKind.Class"/> or <see cref="GroupKind.Squad"/>.</param>
    /// <param name="parentId">Headquarters for a class; a class for a squad.</param>
    /// <param name="name">The group's name; no banned topic.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The id is taken, the parent does not fit the kind, or the name is empty or names a banned topic.</exception>
    public GroupFounded FoundGroup(string groupId, GroupKind kind, string parentId, string name) => Decide(() =>
    {
        var id = Required(groupId, "GroupId");
        if (_groups.ContainsKey(id))
        {
            throw new OrganisationException(ErrorCodes.OrganisationIdConflict, $"Group '{id}' already exists.", "GroupId");
        }

        var parent = RequireGroup(parentId, "ParentId");
        var expected = kind switch
        {
            GroupKind.Class => GroupKind.Headquarters,
            GroupKind.Squad => GroupKind.Class,
            _ => throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, "Only classes and squads are founded; headquarters exists from the start.", "Kind"),
        };
        if (parent.Kind != expected)
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"A {kind} sits under {(expected == GroupKind.Headquarters ? "headquarters" : "a class")}; '{parent.Id}' is {parent.Kind}.", "ParentId");
        }

        return new GroupFounded(id, kind, parent.Id, Clean(name, "Name"), _time.GetUtcNow());
    });

    /// <summary>A member joins a class or a squad as a student.</summary>
    /// <param name="member">The member; in no group now.</param>
    /// <param name="groupId">A class or a squad.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The member is in a group already (move instead), or the group is unknown or headquarters.</exception>
    public MemberJoinedGroup Join(MemberId member, string groupId) => Decide(() =>
    {
        var group = RequireStudentGroup(groupId);
        if (CurrentGroup(member) is { } current)
        {
            throw new OrganisationException(ErrorCodes.OrganisationMembershipConflict, $"Member {member} is in group '{current}'; move the member instead.", "Member");
        }

        return new MemberJoinedGroup(member, group.Id, _time.GetUtcNow());
    });

    /// <summary>A member moves to another group; a leader who moves out of the group they lead steps down first.</summary>
    /// <param name="member">The member; in a group now.</param>
    /// <param name="groupId">Another class or squad.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The events to store, in order.</returns>
    /// <exception cref="OrganisationException">The member is in no group or already in that one, or the group is unknown.</exception>
    public ImmutableArray<IOrganisationEvent> Move(MemberId member, string groupId, string reason) => DecideMany(() =>
    {
        var to = RequireStudentGroup(groupId);
        var from = CurrentGroup(member) ?? throw new OrganisationException(ErrorCodes.OrganisationMembershipConflict, $"Member {member} is in no group; join one first.", "Member");
        if (from == to.Id)
        {
            throw new OrganisationException(ErrorCodes.OrganisationMembershipConflict, $"Member {member} is in group '{from}' already.", "GroupId");
        }

        var why = Required(reason, "Reason");
        var now = _time.GetUtcNow();
        return [.. StepDowns(member, to.Id, why, now), new MemberMovedGroup(member, from, to.Id, why, now)];
    });

    /// <summary>A member leaves the groups; a leader steps down first.</summary>
    /// <param name="member">The member; in a group now.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The events to store, in order.</returns>
    /// <exception cref="OrganisationException">The member is in no group.</exception>
    public ImmutableArray<IOrganisationEvent> Leave(MemberId member, string reason) => DecideMany(() =>
    {
        var from = CurrentGroup(member) ?? throw new OrganisationException(ErrorCodes.OrganisationMembershipConflict, $"Member {member} is in no group.", "Member");
        var why = Required(reason, "Reason");
        var now = _time.GetUtcNow();
        return [.. StepDowns(member, null, why, now), new MemberLeftGroup(member, from, why, now)];
    });

    /// <summary>Headquarters appoints a group's leader: a squad's group leader, or a class monitor between elections.</summary>
    /// <param name="groupId">A class or a squad.</param>
    /// <param name="leader">A member of the group (for a class, of the class or one of its squads).</param>
    /// <param name="reason">Why; recorded as the basis.</param>
    /// <returns>The events to store: the previous leader stepping down, then the appointment.</returns>
    /// <exception cref="OrganisationException">The group is unknown or headquarters, or the member is not in it.</exception>
    public ImmutableArray<IOrganisationEvent> Appoint(string groupId, MemberId leader, string reason) => DecideMany(() =>
    {
        var group = RequireStudentGroup(groupId);
        RequireWithin(group, leader, "Leader");
        var why = Required(reason, "Reason");
        var now = _time.GetUtcNow();
        var events = new List<IOrganisationEvent>();
        if (group.Leader is { } previous)
        {
            events.Add(new LeaderVacated(group.Id, previous, "replaced: " + why, now));
        }

        events.Add(new LeaderAppointed(group.Id, leader, "appointed: " + why, null, now));
        return [.. events];
    });

    /// <summary>Opens a class monitor election (班长选举): every member of the class and its squads now may vote once.</summary>
    /// <param name="electionId">The election's id.</param>
    /// <param name="classId">The class.</param>
    /// <param name="candidates">Two or more distinct members of the class, in the order listed.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The id is taken, the class is unknown or has an open election, or a candidate is not in the class or listed twice.</exception>
    public ElectionOpened OpenElection(string electionId, string classId, IEnumerable<MemberId> candidates) => Decide(() =>
    {
        var id = Required(electionId, "ElectionId");
        if (_elections.ContainsKey(id))
        {
            throw new OrganisationException(ErrorCodes.OrganisationIdConflict, $"Election '{id}' already exists.", "ElectionId");
        }

        var group = RequireGroup(classId, "ClassId");
        if (group.Kind != GroupKind.Class)
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"Only a class elects its monitor; '{group.Id}' is {group.Kind}.", "ClassId");
        }

        if (_elections.Values.FirstOrDefault(e => e.Opened.ClassId == group.Id && e.Decided is null) is { } open)
        {
            throw new OrganisationException(ErrorCodes.OrganisationElectionConflict, $"Class '{group.Id}' has election '{open.Opened.ElectionId}' open; close it first.", "ClassId");
        }

        var listed = (candidates ?? throw new ArgumentNullException(nameof(candidates))).ToImmutableArray();
        if (listed.Length < 2 || listed.Distinct().Count() != listed.Length)
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"An election needs two or more distinct candidates; {listed.Length} listed, {listed.Distinct().Count()} distinct.", "Candidates");
        }

        foreach (var candidate in listed)
        {
            RequireWithin(group, candidate, "Candidates");
        }

        return new ElectionOpened(id, group.Id, listed, [.. Under(group)], _time.GetUtcNow());
    });

    /// <summary>An eligible member casts their one vote.</summary>
    /// <param name="electionId">An open election.</param>
    /// <param name="voter">An eligible member who has not voted.</param>
    /// <param name="candidate">A candidate.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The election is unknown or closed, the voter is not eligible or voted already, or the candidate is not standing.</exception>
    public VoteCast Vote(string electionId, MemberId voter, MemberId candidate) => Decide(() =>
    {
        var election = RequireOpenElection(electionId);
        if (!election.Opened.Eligible.Contains(voter))
        {
            throw new OrganisationException(ErrorCodes.OrganisationNotEligible, $"Member {voter} was not in class '{election.Opened.ClassId}' when election '{election.Opened.ElectionId}' opened, so may not vote in it.", "Voter");
        }

        if (election.Votes.ContainsKey(voter))
        {
            throw new OrganisationException(ErrorCodes.OrganisationAlreadyVoted, $"Member {voter} has voted in election '{election.Opened.ElectionId}' already; one vote per member.", "Voter");
        }

        if (!election.Opened.Candidates.Contains(candidate))
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"Member {candidate} is not a candidate in election '{election.Opened.ElectionId}' ({string.Join(", ", election.Opened.Candidates)}).", "Candidate");
        }

        return new VoteCast(election.Opened.ElectionId, voter, candidate, _time.GetUtcNow());
    });

    /// <summary>
    /// Closes an election and decides it: short of the quorum, no result; the most votes win; a tie at the top goes by the
    /// tie rule. A winner becomes the class monitor for the configured term, the previous monitor stepping down.
    /// </summary>
    /// <param name="electionId">An open election.</param>
    /// <returns>The events to store: the decision, then the leadership change when elected.</returns>
    /// <exception cref="OrganisationException">The election is unknown or closed.</exception>
    public ImmutableArray<IOrganisationEvent> CloseElection(string electionId) => DecideMany(() =>
    {
        var election = RequireOpenElection(electionId);
        var now = _time.GetUtcNow();
        var (outcome, winner, tally, turnout) = Count(election.Opened, election.Votes.Values, _options);
        var events = new List<IOrganisationEvent> { new ElectionDecided(election.Opened.ElectionId, outcome, winner, tally, turnout, now) };
        if (winner is { } elected)
        {
            var group = _groups[election.Opened.ClassId];
            if (group.Leader is { } previous)
            {
                events.Add(new LeaderVacated(group.Id, previous, $"election '{election.Opened.ElectionId}'", now));
            }

            var until = _options.MonitorTermDays > 0 ? now.AddDays(_options.MonitorTermDays) : (DateTimeOffset?)null;
            events.Add(new LeaderAppointed(group.Id, elected, $"elected: election '{election.Opened.ElectionId}'", until, now));
        }

        return [.. events];
    });

    /// <summary>
    /// Counts an election: the outcome depends on the votes, never on their order. Quorum: votes ÷ eligible at least the
    /// option; the most votes win; a tie at the top goes by the tie rule.
    /// </summary>
    /// <param name="opened">The election as opened.</param>
    /// <param name="votes">The candidate of each vote cast, in any order.</param>
    /// <param name="options">The quorum and the tie rule.</param>
    /// <returns>The outcome, the winner, the tally in the candidates' order and the turnout.</returns>
    public static (ElectionOutcome Outcome, MemberId? Winner, ImmutableArray<CandidateVotes> Tally, Rate Turnout) Count(ElectionOpened opened, IEnumerable<MemberId> votes, OrganisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(options);
        var counts = opened.Candidates.ToDictionary(c => c, _ => 0);
        var cast = 0;
        foreach (var vote in votes)
        {
            counts[vote]++;
            cast++;
        }

        var tally = opened.Candidates.Select(c => new CandidateVotes(c, counts[c])).ToImmutableArray();
        var turnout = opened.Eligible.IsEmpty ? Rate.Zero : Rate.FromFraction(cast / (decimal)opened.Eligible.Length);
        if (opened.Eligible.IsEmpty || cast * 1m < options.ElectionQuorum.Fraction * opened.Eligible.Length)
        {
            return (ElectionOutcome.NoQuorum, null, tally, turnout);
        }

        var most = tally.Max(t => t.Votes);
        var top = tally.Where(t => t.Votes == most).ToList();
        return top.Count == 1 ? (ElectionOutcome.Elected, top[0].Candidate, tally, turnout)
            : options.TieRule == ElectionTieRule.FirstListed ? (ElectionOutcome.Elected, top[0].Candidate, tally, turnout)
            : (ElectionOutcome.Tied, null, tally, turnout);
    }

    /// <summary>Registers an activity in advance (活动报备); it may run only once approved.</summary>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="groupId">The group it is for.</param>
    /// <param name="organiser">A member of the group (or of a group under it), or its leader.</param>
    /// <param name="title">Its title; no banned topic.</param>
    /// <param name="topic">What it is about; no banned topic.</param>
    /// <param name="startsAt">When it starts: at least the registration notice from now.</param>
    /// <param name="endsAt">When it ends: after it starts.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The id is taken, the group is unknown, the organiser is not in it, a banned topic is named, or the window is too soon or empty.</exception>
    public ActivityRegistered RegisterActivity(string activityId, string groupId, MemberId organiser, string title, string topic, DateTimeOffset startsAt, DateTimeOffset endsAt) => Decide(() =>
    {
        var id = Required(activityId, "ActivityId");
        if (_activities.ContainsKey(id))
        {
            throw new OrganisationException(ErrorCodes.OrganisationIdConflict, $"Activity '{id}' is registered already.", "ActivityId");
        }

        var group = RequireGroup(groupId, "GroupId");
        RequireWithin(group, organiser, "Organiser");
        var cleanTitle = Clean(title, "Title");
        var cleanTopic = Clean(topic, "Topic");
        var now = _time.GetUtcNow();
        if (startsAt < now + _options.RegistrationNotice)
        {
            throw new OrganisationException(ErrorCodes.OrganisationLateRegistration, $"Activity '{id}' starts at {startsAt:O}; activities are registered at least {_options.RegistrationNotice} ahead, so no earlier than {now + _options.RegistrationNotice:O}.", "StartsAt");
        }

        if (endsAt <= startsAt)
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"Activity '{id}' ends at {endsAt:O}, not after it starts at {startsAt:O}.", "EndsAt");
        }

        return new ActivityRegistered(id, group.Id, organiser, cleanTitle, cleanTopic, startsAt, endsAt, now);
    });

    /// <summary>Approves a registered activity.</summary>
    /// <param name="activityId">A registered activity waiting for approval.</param>
    /// <param name="approvedBy">Who approves it.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The activity is unknown or not waiting for approval.</exception>
    public ActivityApproved ApproveActivity(string activityId, string approvedBy) => Decide(() =>
    {
        var activity = RequireActivity(activityId, ActivityStatus.Registered, "approved");
        return new ActivityApproved(activity.Registration.ActivityId, Required(approvedBy, "ApprovedBy"), _time.GetUtcNow());
    });

    /// <summary>Rejects a registered activity.</summary>
    /// <param name="activityId">A registered activity waiting for approval.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The activity is unknown or not waiting for approval.</exception>
    public ActivityRejected RejectActivity(string activityId, string reason) => Decide(() =>
    {
        var activity = RequireActivity(activityId, ActivityStatus.Registered, "rejected");
        return new ActivityRejected(activity.Registration.ActivityId, Required(reason, "Reason"), _time.GetUtcNow());
    });

    /// <summary>Records that an approved activity ran, now, inside its registered window.</summary>
    /// <param name="activityId">An approved activity.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="OrganisationException">The activity is unknown, not approved (<see cref="ErrorCodes.OrganisationActivityNotApproved"/>), or outside its window.</exception>
    public ActivityHeld HoldActivity(string activityId) => Decide(() =>
    {
        var activity = _activities.GetValueOrDefault(Required(activityId, "ActivityId"))
            ?? throw new OrganisationException(ErrorCodes.OrganisationUnknownActivity, $"No activity '{activityId}' is registered; register it first (活动报备).", "ActivityId");
        if (activity.Status != ActivityStatus.Approved)
        {
            throw new OrganisationException(ErrorCodes.OrganisationActivityNotApproved, $"Activity '{activityId}' is {activity.Status}; an activity runs only once approved.", "ActivityId");
        }

        var now = _time.GetUtcNow();
        if (now < activity.Registration.StartsAt || now > activity.Registration.EndsAt)
        {
            throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"Activity '{activityId}' was registered for {activity.Registration.StartsAt:O} to {activity.Registration.EndsAt:O}; it is {now:O}.", "ActivityId");
        }

        return new ActivityHeld(activity.Registration.ActivityId, now);
    });

    /// <summary>Applies a stored event: the one way the organisation changes, used after each decision and on replay.</summary>
    /// <param name="organisationEvent">The event.</param>
    /// <exception cref="ReplayException">The event does not fit the state (<see cref="ErrorCodes.OrganisationReplayMismatch"/>); nothing changed.</exception>
    public void Apply(IOrganisationEvent organisationEvent)
    {
        ArgumentNullException.ThrowIfNull(organisationEvent);
        lock (_gate)
        {
            if (Problem(organisationEvent) is { } problem)
            {
                throw new ReplayException(ErrorCodes.OrganisationReplayMismatch, _applied, organisationEvent, problem);
            }

            Mutate(organisationEvent);
            _applied++;
        }
    }

    private T Decide<T>(Func<T> decide) where T : IOrganisationEvent
    {
        lock (_gate)
        {
            var e = decide();
            Apply(e);
            return e;
        }
    }

    private ImmutableArray<IOrganisationEvent> DecideMany(Func<ImmutableArray<IOrganisationEvent>> decide)
    {
        lock (_gate)
        {
            var events = decide();
            foreach (var e in events)
            {
                Apply(e);
            }

            return events;
        }
    }

    // Why an event cannot be applied; null when it fits. The same rules the decisions enforce, so a forged stream is refused.
    private string? Problem(IOrganisationEvent e) => e switch
    {
        GroupFounded f when _groups.ContainsKey(f.GroupId) => $"group '{f.GroupId}' is founded twice",
        GroupFounded f when !_groups.TryGetValue(f.ParentId, out var parent) || parent.Kind != (f.Kind == GroupKind.Class ? GroupKind.Headquarters : GroupKind.Class) || f.Kind == GroupKind.Headquarters
            => $"a {f.Kind} cannot sit under '{f.ParentId}'",
        MemberJoinedGroup j when !IsStudentGroup(j.GroupId) || CurrentGroup(j.Member) is not null => $"member {j.Member} cannot join '{j.GroupId}' (unknown group, or in a group already)",
        MemberMovedGroup m when CurrentGroup(m.Member) != m.FromGroupId || !IsStudentGroup(m.ToGroupId) || m.FromGroupId == m.ToGroupId => $"member {m.Member} is not in '{m.FromGroupId}' to move to '{m.ToGroupId}'",
        MemberLeftGroup l when CurrentGroup(l.Member) != l.GroupId => $"member {l.Member} is not in '{l.GroupId}' to leave it",
        LeaderAppointed a when !IsStudentGroup(a.GroupId) || !Under(_groups[a.GroupId]).Contains(a.Member) || _groups[a.GroupId].Leader is not null
            => $"member {a.Member} cannot lead '{a.GroupId}' (not in it, or it has a leader)",
        LeaderVacated v when !_groups.TryGetValue(v.GroupId, out var led) || led.Leader != v.Member => $"member {v.Member} does not lead '{v.GroupId}'",
        ElectionOpened o when _elections.ContainsKey(o.ElectionId) || !_groups.TryGetValue(o.ClassId, out var c) || c.Kind != GroupKind.Class || o.Candidates.Length < 2
            => $"election '{o.ElectionId}' cannot open for '{o.ClassId}'",
        VoteCast v when !_elections.TryGetValue(v.ElectionId, out var open) || open.Decided is not null || !open.Opened.Eligible.Contains(v.Voter) || open.Votes.ContainsKey(v.Voter) || !open.Opened.Candidates.Contains(v.Candidate)
            => $"member {v.Voter} cannot vote for {v.Candidate} in election '{v.ElectionId}' (closed, not eligible, voted already, or not a candidate)",
        ElectionDecided d when !_elections.TryGetValue(d.ElectionId, out var decided) || decided.Decided is not null || !Matches(d, decided)
            => $"election '{d.ElectionId}' is closed already, unknown, or its recorded result is not what its votes give",
        ActivityRegistered r when _activities.ContainsKey(r.ActivityId) || !_groups.ContainsKey(r.GroupId) || r.EndsAt <= r.StartsAt || Moderation.Check(r.Title + " " + r.Topic).IsBanned
            => $"activity '{r.ActivityId}' cannot be registered (twice, an unknown group, an empty window or a banned topic)",
        ActivityApproved a when _activities.GetValueOrDefault(a.ActivityId)?.Status != ActivityStatus.Registered => $"activity '{a.ActivityId}' is not waiting for approval",
        ActivityRejected r when _activities.GetValueOrDefault(r.ActivityId)?.Status != ActivityStatus.Registered => $"activity '{r.ActivityId}' is not waiting for approval",
        ActivityHeld h when _activities.GetValueOrDefault(h.ActivityId) is not { Status: ActivityStatus.Approved } held || h.OccurredAt < held.Registration.StartsAt || h.OccurredAt > held.Registration.EndsAt
            => $"activity '{h.ActivityId}' was not approved, or is held outside its window",
        _ => null,
    };

    private bool Matches(ElectionDecided d, ElectionRecord election)
    {
        var (outcome, winner, tally, _) = Count(election.Opened, election.Votes.Values, _options);
        return outcome == d.Outcome && winner == d.Winner && tally.SequenceEqual(d.Tally);
    }

    private void Mutate(IOrganisationEvent e)
    {
        switch (e)
        {
            case GroupFounded f:
                _groups[f.GroupId] = new GroupRecord(f.GroupId, f.Kind, f.ParentId, f.Name);
                break;
            case MemberJoinedGroup j:
                Enter(j.Member, j.GroupId, j.OccurredAt);
                break;
            case MemberMovedGroup m:
                Exit(m.Member, m.FromGroupId, m.OccurredAt);
                Enter(m.Member, m.ToGroupId, m.OccurredAt);
                break;
            case MemberLeftGroup l:
                Exit(l.Member, l.GroupId, l.OccurredAt);
                break;
            case LeaderAppointed a:
                _groups[a.GroupId].Leader = a.Member;
                _groups[a.GroupId].LeaderUntil = a.Until;
                break;
            case LeaderVacated v:
                _groups[v.GroupId].Leader = null;
                _groups[v.GroupId].LeaderUntil = null;
                break;
            case ElectionOpened o:
                _elections[o.ElectionId] = new ElectionRecord(o);
                break;
            case VoteCast v:
                _elections[v.ElectionId].Votes[v.Voter] = v.Candidate;
                break;
            case ElectionDecided d:
                _elections[d.ElectionId].Decided = d;
                break;
            case ActivityRegistered r:
                _activities[r.ActivityId] = new RegisteredActivity(r, ActivityStatus.Registered);
                break;
            case ActivityApproved a:
                _activities[a.ActivityId] = _activities[a.ActivityId] with { Status = ActivityStatus.Approved };
                break;
            case ActivityRejected r:
                _activities[r.ActivityId] = _activities[r.ActivityId] with { Status = ActivityStatus.Rejected };
                break;
            case ActivityHeld h:
                _activities[h.ActivityId] = _activities[h.ActivityId] with { Status = ActivityStatus.Held };
                break;
        }
    }

    private void Enter(MemberId member, string groupId, DateTimeOffset at)
    {
        _groups[groupId].Members.Add(member);
        if (!_history.TryGetValue(member, out var stays))
        {
            _history[member] = stays = [];
        }

        stays.Add(new GroupStay(groupId, at, null));
    }

    private void Exit(MemberId member, string groupId, DateTimeOffset at)
    {
        _groups[groupId].Members.Remove(member);
        var stays = _history[member];
        stays[^1] = stays[^1] with { Until = at };
    }

    // The leaders the member stops being when they go to `to` (null: out of every group): a squad leader leaving the squad,
    // a class monitor leaving the class and its squads.
    private IEnumerable<IOrganisationEvent> StepDowns(MemberId member, string? to, string reason, DateTimeOffset now)
    {
        foreach (var group in _groups.Values)
        {
            if (group.Leader == member && (to is null || !IsWithin(group, to)))
            {
                yield return new LeaderVacated(group.Id, member, reason, now);
            }
        }
    }

    private bool IsWithin(GroupRecord group, string groupId) =>
        group.Id == groupId || (_groups.TryGetValue(groupId, out var other) && other.ParentId == group.Id);

    private IEnumerable<MemberId> Under(GroupRecord group) =>
        group.Members.Concat(_groups.Values.Where(g => g.ParentId == group.Id).SelectMany(Under));

    private string? CurrentGroup(MemberId member) =>
        _history.TryGetValue(member, out var stays) && stays.Count > 0 && stays[^1].Until is null ? stays[^1].GroupId : null;

    private bool IsStudentGroup(string groupId) => _groups.TryGetValue(groupId, out var g) && g.Kind != GroupKind.Headquarters;

    private GroupRecord RequireGroup(string? groupId, string field) =>
        groupId is not null && _groups.TryGetValue(groupId, out var group)
            ? group
            : throw new OrganisationException(ErrorCodes.OrganisationUnknownGroup, $"No group '{groupId}'; the groups are {string.Join(", ", _groups.Keys)}.", field);

    private GroupRecord RequireStudentGroup(string groupId)
    {
        var group = RequireGroup(groupId, "GroupId");
        return group.Kind == GroupKind.Headquarters
            ? throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, "Students belong to a class or a squad, not to headquarters.", "GroupId")
            : group;
    }

    private void RequireWithin(GroupRecord group, MemberId member, string field)
    {
        if (!Under(group).Contains(member))
        {
            throw new OrganisationException(ErrorCodes.OrganisationNotInGroup, $"Member {member} is not in group '{group.Id}'{(group.Kind == GroupKind.Class ? " or its squads" : string.Empty)}.", field);
        }
    }

    private ElectionRecord RequireOpenElection(string electionId)
    {
        var election = _elections.GetValueOrDefault(Required(electionId, "ElectionId"))
            ?? throw new OrganisationException(ErrorCodes.OrganisationUnknownElection, $"No election '{electionId}'.", "ElectionId");
        return election.Decided is null
            ? election
            : throw new OrganisationException(ErrorCodes.OrganisationElectionConflict, $"Election '{electionId}' is closed: {election.Decided.Outcome}.", "ElectionId");
    }

    private RegisteredActivity RequireActivity(string activityId, ActivityStatus status, string verb)
    {
        var activity = _activities.GetValueOrDefault(Required(activityId, "ActivityId"))
            ?? throw new OrganisationException(ErrorCodes.OrganisationUnknownActivity, $"No activity '{activityId}' is registered.", "ActivityId");
        return activity.Status == status
            ? activity
            : throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"Activity '{activityId}' is {activity.Status}; only a {status} activity is {verb}.", "ActivityId");
    }

    private string Clean(string? text, string field)
    {
        var value = Required(text, field);
        var check = Moderation.Check(value);
        return check.IsBanned
            ? throw new OrganisationException(ErrorCodes.OrganisationBannedTopic, $"{field} '{(value.Length > 80 ? value[..80] + "…" : value)}' names a banned topic: {string.Join(", ", check.Matched)}.", field)
            : value;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new OrganisationException(ErrorCodes.OrganisationInvalidRequest, $"{field} is required.", field) : value.Trim();

    private sealed class GroupRecord(string id, GroupKind kind, string? parentId, string name)
    {
        public string Id { get; } = id;

        public GroupKind Kind { get; } = kind;

        public string? ParentId { get; } = parentId;

        public List<MemberId> Members { get; } = [];

        public MemberId? Leader { get; set; }

        public DateTimeOffset? LeaderUntil { get; set; }

        public OrganisationGroup ToGroup() => new(Id, Kind, ParentId, name, Leader, LeaderUntil, [.. Members]);
    }

    private sealed class ElectionRecord(ElectionOpened opened)
    {
        public ElectionOpened Opened { get; } = opened;

        public Dictionary<MemberId, MemberId> Votes { get; } = [];

        public ElectionDecided? Decided { get; set; }
    }
}
