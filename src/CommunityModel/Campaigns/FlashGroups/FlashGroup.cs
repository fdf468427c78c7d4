namespace CommunityModel.Campaigns.FlashGroups;

/// <summary>
/// A flash group (快闪群): a group opened for a limited lifetime (at most <see cref="CampaignOptions.FlashGroupMaxLifetime"/>)
/// to sift out members with high intent around a promotion; members join while it is open, and it is dissolved at the end
/// of its lifetime (<see cref="Dissolve"/>) or by hand before (<see cref="DissolveByHand"/>).
/// </summary>
public sealed class FlashGroup : CampaignPlay
{
    private readonly List<MemberId> _members = [];
    private FlashGroupOpened? _setup;
    private FlashGroupStage _stage;
    private FlashGroupDissolved? _dissolution;

    /// <summary>Creates a flash group not opened yet.</summary>
    /// <param name="community">The community whose members join.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CampaignException">The options are unusable (<see cref="ErrorCodes.CampaignInvalidOptions"/>).</exception>
    public FlashGroup(Community community, CampaignOptions options, TimeProvider timeProvider)
        : base(community, options, timeProvider)
    {
    }

    /// <summary>The lifecycle every flash group follows.</summary>
    public static PlayLifecycle<FlashGroupStage, FlashGroupTrigger> Lifecycle { get; } = new(PlayKind.FlashGroup, FlashGroupStage.Open, m =>
        m.Configure(FlashGroupStage.Open)
            .Permit(FlashGroupTrigger.LifetimeEnded, FlashGroupStage.Dissolved)
            .Permit(FlashGroupTrigger.DissolvedByHand, FlashGroupStage.Dissolved));

    /// <inheritdoc/>
    public override PlayKind Kind => PlayKind.FlashGroup;

    /// <summary>The flash group as it stands.</summary>
    /// <exception cref="CampaignException">It is not open yet (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public FlashGroupState State
    {
        get
        {
            lock (Gate)
            {
                return new FlashGroupState(Setup, _stage, [.. _members], _dissolution);
            }
        }
    }

    private FlashGroupOpened Setup => _setup ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, "The flash group is not open yet.", "PlayId");

    /// <summary>Rebuilds a flash group from its stored events, in the order they were stored.</summary>
    /// <param name="events">The play's events.</param>
    /// <param name="community">The community.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The flash group.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.CampaignReplayMismatch"/>), at its index.</exception>
    public static FlashGroup Replay(IEnumerable<IPlayEvent> events, Community community, CampaignOptions options, TimeProvider timeProvider) =>
        ReplayInto(new FlashGroup(community, options, timeProvider), events);

    /// <summary>Opens the flash group now, for a lifetime.</summary>
    /// <param name="playId">The play's id.</param>
    /// <param name="title">The group's name.</param>
    /// <param name="lifetime">How long it lives: above zero, at most <see cref="CampaignOptions.FlashGroupMaxLifetime"/>.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is open already, or the lifetime is out of bounds (<see cref="ErrorCodes.CampaignInvalidRequest"/>).</exception>
    public PlaySale Open(string playId, string title, TimeSpan lifetime) => Decide(() =>
    {
        RequireNew();
        var id = Required(playId, "PlayId");
        var name = Required(title, "Title");
        if (lifetime <= TimeSpan.Zero || lifetime > Options.FlashGroupMaxLifetime)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidRequest, $"A flash group lives above zero and at most {Options.FlashGroupMaxLifetime} (Campaigns:FlashGroupMaxLifetime); {lifetime} is not.", "Lifetime");
        }

        var now = Now;
        return [new FlashGroupOpened(id, name, now + lifetime, now)];
    });

    /// <summary>A member joins while the group is open.</summary>
    /// <param name="member">The member, registered in the community.</param>
    /// <returns>The event to store; a repeat when the member is in it already.</returns>
    /// <exception cref="CampaignException">The group is dissolved, or its lifetime has ended (<see cref="ErrorCodes.CampaignOutsideWindow"/>).</exception>
    public PlaySale Join(MemberId member)
    {
        lock (Gate)
        {
            var setup = Setup;
            if (_members.Contains(member))
            {
                return PlaySale.Repeat;
            }

            Lifecycle.Next(_stage, FlashGroupTrigger.DissolvedByHand);
            var now = Now;
            if (now >= setup.ClosesAt)
            {
                throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Flash group '{setup.PlayId}' lived until {setup.ClosesAt:O}; it is {now:O}.", "PlayId");
            }

            RequireMember(member, "Member");
            var joined = new FlashGroupJoined(setup.PlayId, member, now);
            Apply(joined);
            return new PlaySale([joined], []);
        }
    }

    /// <summary>Dissolves the group at the end of its lifetime.</summary>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is dissolved already, or its lifetime has not ended (<see cref="ErrorCodes.CampaignOutsideWindow"/>).</exception>
    public PlaySale Dissolve() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, FlashGroupTrigger.LifetimeEnded);
        var now = Now;
        return now < setup.ClosesAt
            ? throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Flash group '{setup.PlayId}' lives until {setup.ClosesAt:O}; dissolve it by hand to end it earlier.", "PlayId")
            : [new FlashGroupDissolved(setup.PlayId, false, "lifetime ended", _members.Count, now)];
    });

    /// <summary>Dissolves the group by hand before its lifetime ends.</summary>
    /// <param name="reason">Why; required.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is dissolved already, or its lifetime has ended (dissolve it on time instead).</exception>
    public PlaySale DissolveByHand(string reason) => Decide(() =>
    {
        var setup = Setup;
        var why = Required(reason, "Reason");
        Lifecycle.Next(_stage, FlashGroupTrigger.DissolvedByHand);
        var now = Now;
        return now >= setup.ClosesAt
            ? throw new CampaignException(ErrorCodes.CampaignOutsideWindow, $"Flash group '{setup.PlayId}' reached the end of its lifetime at {setup.ClosesAt:O}; dissolve it on time.", "PlayId")
            : [new FlashGroupDissolved(setup.PlayId, true, why, _members.Count, now)];
    });

    private protected override string? Problem(IPlayEvent e)
    {
        if (e is FlashGroupOpened o)
        {
            return _setup is not null ? $"flash group '{o.PlayId}' opens twice"
                : Given(o.PlayId, "id", "the flash group") ?? Given(o.Title, "title", "the flash group")
                ?? (o.ClosesAt <= o.OccurredAt || o.ClosesAt - o.OccurredAt > Options.FlashGroupMaxLifetime ? $"flash group '{o.PlayId}' lives {o.ClosesAt - o.OccurredAt}, outside (0, {Options.FlashGroupMaxLifetime}]" : null);
        }

        if (_setup is not { } setup)
        {
            return "the flash group is not open";
        }

        return e switch
        {
            FlashGroupJoined j when _stage != FlashGroupStage.Open || j.OccurredAt >= setup.ClosesAt || _members.Contains(j.Member) => $"member {j.Member} cannot join at {j.OccurredAt:O} (dissolved, past its lifetime, or in it already)",
            FlashGroupDissolved d when !Lifecycle.CanFire(_stage, d.ByHand ? FlashGroupTrigger.DissolvedByHand : FlashGroupTrigger.LifetimeEnded) || d.Members != _members.Count || string.IsNullOrWhiteSpace(d.Reason)
                || (d.ByHand ? d.OccurredAt >= setup.ClosesAt : d.OccurredAt < setup.ClosesAt)
                => $"the flash group cannot be dissolved {(d.ByHand ? "by hand" : "on time")} at {d.OccurredAt:O} in stage {_stage} with {d.Members} members ({_members.Count} joined)",
            FlashGroupJoined or FlashGroupDissolved => null,
            _ => $"{e.GetType().Name} is not an event of a flash group",
        };
    }

    private protected override void Mutate(IPlayEvent e)
    {
        switch (e)
        {
            case FlashGroupOpened o:
                _setup = o;
                Id = o.PlayId;
                break;
            case FlashGroupJoined j:
                _members.Add(j.Member);
                break;
            case FlashGroupDissolved d:
                _stage = Lifecycle.Next(_stage, d.ByHand ? FlashGroupTrigger.DissolvedByHand : FlashGroupTrigger.LifetimeEnded);
                _dissolution = d;
                break;
        }
    }
}
