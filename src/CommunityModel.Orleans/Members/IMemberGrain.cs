using CommunityModel.Referrals;

namespace CommunityModel.Orleans.Members;

/// <summary>
/// One member of the community, keyed by its member id: its place in the referral network with its binding history, its
/// earner status and its commission account (the member's own <see cref="Commissions.Ledger.CommissionLedger"/>). One
/// activation per member in the whole cluster decides every withdrawal, so two at once can never overdraw.
/// </summary>
[Alias("communitymodel.member")]
public interface IMemberGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Registers the member, bound to <paramref name="sponsor"/> when one is given (0 for none): the member's stream starts
    /// the value chain and the referral network's rules decide the sponsor. The same registration again is a repeat.
    /// </summary>
    /// <param name="sponsor">The sponsor's member id, or 0.</param>
    /// <returns>Accepted, or refused with the referral network's codes (unknown sponsor, self-binding, already registered, ...).</returns>
    [Alias("register")]
    Task<CommandOutcome> Register(long sponsor);

    /// <summary>
    /// Decides one of the member's commands with the silo's <see cref="MemberStream"/> (an order of a membership or a
    /// product, a refund, entitlement use, suspension, reinstatement, removal, ...), stores the events in the member's stream
    /// with the follow-ups they ask for, and delivers those: the order's commissions on the upline as it stands now and the
    /// sponsor's referral lock (the order grain), a refund's reversal, the sponsor's side of a first membership, a member
    /// number. A <see cref="RegisterMember"/> of this member is <see cref="Register"/>. An order naming a flash sale takes a
    /// unit of its <see cref="Plays.IFlashSaleGrain"/> first and places the order the play built; an order naming a play of
    /// another kind is refused (<see cref="ErrorCodes.CampaignPlayNotHosted"/>).
    /// </summary>
    /// <param name="command">A command of this member.</param>
    /// <returns>Accepted (perhaps as a repeat of the same order or refund), or refused with the library's codes.</returns>
    [Alias("execute")]
    Task<CommandOutcome> Execute(CommunityCommand command);

    /// <summary>
    /// What the member's stream would say to an order now, storing nothing: a play's grain asks it about the order the play
    /// built before it keeps the unit, while the buyer's grain waits on the play inside its own decision.
    /// </summary>
    /// <param name="order">An order of this member.</param>
    /// <returns>The refusals of <see cref="MemberStream"/>; empty when it would take the order (or it repeats one taken).</returns>
    [AlwaysInterleave]
    [Alias("check")]
    Task<RefusalText[]> Check(PlaceOrder order);

    /// <summary>Records a referral's first membership on this sponsor's stream (<see cref="MemberStream.Decide(MemberStreamState, ReferralMembershipStarted)"/>); the same referral's order again changes nothing.</summary>
    /// <param name="started">What the referral's stream sent.</param>
    /// <returns>How many events were recorded (0 for a repeat or a sponsor who is not a member).</returns>
    [Alias("referral")]
    Task<int> ReceiveReferral(ReferralMembershipStarted started);

    /// <summary>The member as its stream holds it: value chain, membership, member number, promoter status.</summary>
    /// <returns>The member, or <see langword="null"/> before registration.</returns>
    [AlwaysInterleave]
    [Alias("member")]
    Task<CommunityMemberSnapshot?> GetMember();

    /// <summary>
    /// The member's orders, in the order taken, with what was refunded of each and their roles (the care team, and the
    /// organiser of the activity a play sale was made within), as the community holds them.
    /// </summary>
    /// <returns>The orders.</returns>
    [AlwaysInterleave]
    [Alias("orders")]
    Task<CommunityOrder[]> GetOrders();

    /// <summary>Delivers the follow-ups of the member's decisions not yet delivered.</summary>
    /// <returns>How many still wait (0 when every receiver holds them).</returns>
    [Alias("deliver")]
    Task<int> DeliverFollowUps();

    /// <summary>The member's node: sponsor, times, lock and status. Interleaves with commands: it only reads.</summary>
    /// <returns>The node; <see cref="MemberNode.Registered"/> is false for an unknown member.</returns>
    [AlwaysInterleave]
    [Alias("node")]
    Task<MemberNode> GetNode();

    /// <summary>The member's binding history, oldest first.</summary>
    /// <returns>Every change of its sponsor.</returns>
    [AlwaysInterleave]
    [Alias("bindings")]
    Task<SponsorChange[]> GetBindings();

    /// <summary>
    /// Binds the member to <paramref name="sponsor"/>, deciding with the library's <see cref="ReferralNetwork"/> over the
    /// sponsor's ancestors gathered from their grains (a cycle is refused as <c>referral.cycle</c>). Call it through
    /// <see cref="Referrals.ISponsorshipGrain"/>, which lets one binding at a time walk the network.
    /// </summary>
    /// <param name="sponsor">The new sponsor.</param>
    /// <returns>Accepted, or refused with the same codes as <see cref="ReferralNetwork.TryBind"/>.</returns>
    [Alias("bind")]
    Task<CommandOutcome> Bind(long sponsor);

    /// <summary>Records the member's first commissionable order, which fixes its sponsor; later calls change nothing.</summary>
    /// <returns>A task.</returns>
    [Alias("lock")]
    Task LockReferral();

    /// <summary>
    /// Records an event of the member's value chain or membership that changes whether it may earn
    /// (<see cref="Lifecycle.MemberTransitioned"/>, promoter rights granted or revoked).
    /// </summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgumentException">The event is not about this member or does not change an earner status.</exception>
    [Alias("earner-event")]
    Task RecordEarnerEvent(IDomainEvent domainEvent);

    /// <summary>
    /// Receives commission accruals and reversals for this member from an order, in the order decided. Idempotent: an
    /// accrual already held (same commission key) or a reversal already applied (same key and refund) is skipped.
    /// </summary>
    /// <param name="followUps"><see cref="Commissions.Ledger.CommissionAccrued"/> and <see cref="Commissions.Ledger.CommissionReversed"/> events whose beneficiary is this member.</param>
    /// <returns>How many were new.</returns>
    [Alias("receive")]
    Task<int> ReceiveCommissions(IDomainEvent[] followUps);

    /// <summary>Requests a withdrawal from the available balance; the same id and amount again is a repeat.</summary>
    /// <param name="withdrawalId">The integrator's id.</param>
    /// <param name="amount">The amount, in minor units of the ledger's currency.</param>
    /// <returns>Accepted, or refused with every unmet condition (insufficient balance, below the minimum, id conflict).</returns>
    [Alias("withdraw")]
    Task<CommandOutcome> RequestWithdrawal(string withdrawalId, long amount);

    /// <summary>Marks a requested withdrawal paid.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <returns>Accepted, or refused (unknown or already settled).</returns>
    [Alias("withdrawal-paid")]
    Task<CommandOutcome> MarkWithdrawalPaid(string withdrawalId);

    /// <summary>Rejects a requested withdrawal; its amount returns to the available balance.</summary>
    /// <param name="withdrawalId">The withdrawal.</param>
    /// <param name="reason">Why.</param>
    /// <returns>Accepted, or refused (unknown or already settled).</returns>
    [Alias("withdrawal-rejected")]
    Task<CommandOutcome> RejectWithdrawal(string withdrawalId, string reason);

    /// <summary>The member's commission balance now.</summary>
    /// <returns>The balance.</returns>
    [AlwaysInterleave]
    [Alias("balance")]
    Task<AccountBalance> GetBalance();

    /// <summary>The commission account's events in the order the member's grain applied them (accruals, reversals, withdrawals).</summary>
    /// <returns>The events; replayed into one <see cref="Commissions.Ledger.CommissionLedger"/> they give the same balance.</returns>
    [AlwaysInterleave]
    [Alias("account-events")]
    Task<IDomainEvent[]> GetAccountEvents();
}
