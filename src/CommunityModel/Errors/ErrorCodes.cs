namespace CommunityModel;

/// <summary>
/// The stable error codes of <see cref="CommunityModelException"/> and its subclasses. Codes never
/// change meaning once published; new codes are only ever added.
/// </summary>
public static class ErrorCodes
{
    /// <summary>An operation mixed amounts of two different currencies.</summary>
    public const string CurrencyMismatch = "money.currency_mismatch";

    /// <summary>A currency code is not an ISO 4217 code that CommunityModel knows.</summary>
    public const string UnknownCurrency = "money.unknown_currency";

    /// <summary>An amount has more decimal places than its currency's minor unit allows.</summary>
    public const string AmountPrecision = "money.amount_precision";

    /// <summary>An amount does not fit the range of minor units CommunityModel can hold.</summary>
    public const string AmountOverflow = "money.amount_overflow";

    /// <summary>The weights or part count of an allocation are unusable (empty, negative or all zero).</summary>
    public const string InvalidAllocation = "money.invalid_allocation";

    // --- Lifecycle (value chain, onboarding, member numbers) ---

    /// <summary>A lifecycle trigger was fired from a stage that has no transition on it.</summary>
    public const string LifecycleTriggerNotPermitted = "lifecycle.trigger_not_permitted";

    /// <summary>A lifecycle transition's guards were not met; the error lists them.</summary>
    public const string LifecycleGuardsUnmet = "lifecycle.guards_unmet";

    /// <summary>A replayed lifecycle event does not fit the state reached so far (order, version, stage, member).</summary>
    public const string LifecycleReplayMismatch = "lifecycle.replay_mismatch";

    /// <summary>A lifecycle state cannot be made from the given parts.</summary>
    public const string LifecycleInvalidState = "lifecycle.invalid_state";

    /// <summary>A member-number sequence ran out of numbers of its configured width.</summary>
    public const string MemberNumberExhausted = "member.number_exhausted";

    /// <summary>A member number's text does not follow the configured scheme.</summary>
    public const string MemberNumberInvalid = "member.number_invalid";

    // ---- Referrals (转介绍): binding members to sponsors and the network snapshot ----

    /// <summary>The member a referral operation is about is not in the network (a sponsor named in it has <see cref="ReferralUnknownSponsor"/>).</summary>
    public const string ReferralUnknownMember = "referral.unknown_member";

    /// <summary>The sponsor named in a registration, binding or re-assignment is not in the network (or no sponsor was named where one is needed).</summary>
    public const string ReferralUnknownSponsor = "referral.unknown_sponsor";

    /// <summary>A stored referral event does not fit the network replayed so far (a member registered twice, an unknown member or sponsor, a cycle).</summary>
    public const string ReferralReplayMismatch = "referral.replay_mismatch";

    /// <summary>A member was registered twice, or appears twice in a snapshot's links.</summary>
    public const string ReferralDuplicateMember = "referral.duplicate_member";

    /// <summary>A member was to be bound to itself.</summary>
    public const string ReferralSelfBinding = "referral.self_binding";

    /// <summary>A binding would make a member its own upline, however many hops away.</summary>
    public const string ReferralCycle = "referral.cycle";

    /// <summary>The member already has a sponsor and the binding mode keeps the first one.</summary>
    public const string ReferralAlreadyBound = "referral.already_bound";

    /// <summary>The binding mode allows binding only at registration and the window has passed.</summary>
    public const string ReferralWindowClosed = "referral.window_closed";

    /// <summary>The member has placed a commissionable order; only an administrative re-assignment may change its sponsor.</summary>
    public const string ReferralLocked = "referral.locked";

    /// <summary>An administrative re-assignment was made without a reason.</summary>
    public const string ReferralReasonRequired = "referral.reason_required";

    /// <summary>Only designated promoters may sponsor (<see cref="Referrals.SponsorEligibility.DesignatedPromoters"/>) and the sponsor named is not one.</summary>
    public const string ReferralSponsorNotPromoter = "referral.sponsor_not_promoter";

    /// <summary>A sponsor history is malformed: a change names no member, binds a member to itself, goes back before the history's start, or does not follow on from the member's previous change.</summary>
    public const string ReferralHistoryInvalid = "referral.history_invalid";

    /// <summary>A sponsor history was asked about a time before the start of what it records.</summary>
    public const string ReferralBeforeHistory = "referral.before_history";

    /// <summary>A stored referral-network snapshot contradicts itself (a member twice, an unregistered sponsor, a cycle, a change of an unregistered member).</summary>
    public const string ReferralInvalidSnapshot = "referral.invalid_snapshot";

    // --- Metrics (funnel, AARRR, retention cohorts, active users, renewals, participation) ---

    /// <summary>Metrics options are unusable (an unknown time zone or currency, a bad funnel, a window out of range); the error lists every problem.</summary>
    public const string MetricsInvalidOptions = "metrics.invalid_options";

    /// <summary>A metrics period is empty, reversed or longer than metrics accept.</summary>
    public const string MetricsInvalidPeriod = "metrics.invalid_period";

    /// <summary>The events handed to the metrics are not in the order they happened (their <c>OccurredAt</c> goes back).</summary>
    public const string MetricsEventsOutOfOrder = "metrics.events_out_of_order";

    /// <summary>A fact handed to the metrics is unusable (a non-positive amount, a blank channel, a term that ends before it starts, ...).</summary>
    public const string MetricsInvalidFact = "metrics.invalid_fact";

    /// <summary>An invitation acceptance handed to the metrics names an invitation id no earlier <c>InvitationSent</c> sent.</summary>
    public const string MetricsUnknownInvitation = "metrics.unknown_invitation";

    /// <summary>Participation counts are impossible (no group members, negative counts, more attendees than members, an unknown group).</summary>
    public const string MetricsInvalidParticipation = "metrics.invalid_participation";

    // ----- Catalog and memberships (src/CommunityModel/Catalog, src/CommunityModel/Memberships) -----

    /// <summary>A catalog definition is invalid: duplicate ids, negative prices, mixed currencies, bad price bands.</summary>
    public const string InvalidCatalog = "catalog.invalid";

    /// <summary>A product id is not in the catalog.</summary>
    public const string UnknownProduct = "catalog.unknown_product";

    /// <summary>A membership plan is invalid: unknown products or tiers, inclusion cycles, an unknown time zone, bad policy values.</summary>
    public const string InvalidMembershipPlan = "membership.invalid_plan";

    /// <summary>A membership tier id is not in the plan.</summary>
    public const string UnknownMembershipTier = "membership.unknown_tier";

    /// <summary>The operation needs a membership whose term covers today (not expired, not refunded).</summary>
    public const string MembershipNotActive = "membership.not_active";

    /// <summary>The membership is still active, so it cannot be purchased again; renew or upgrade it instead.</summary>
    public const string MembershipAlreadyActive = "membership.already_active";

    /// <summary>An upgrade must go to a dearer tier; a cheaper or equal tier is a downgrade, taken at term end.</summary>
    public const string NotAnUpgrade = "membership.not_an_upgrade";

    /// <summary>A downgrade must go to a cheaper tier.</summary>
    public const string NotADowngrade = "membership.not_a_downgrade";

    /// <summary>A payment is in the wrong currency, negative, or more than the price asked.</summary>
    public const string InvalidPayment = "membership.invalid_payment";

    /// <summary>An event belongs to another member, or does not follow from the state it is applied to.</summary>
    public const string EventOutOfOrder = "membership.event_out_of_order";

    /// <summary>The membership grants no entitlement to the product today.</summary>
    public const string NotEntitled = "membership.not_entitled";

    /// <summary>The entitlement's quota for the term is used up.</summary>
    public const string EntitlementExhausted = "membership.entitlement_exhausted";

    /// <summary>An idempotency key was already used to consume a different product.</summary>
    public const string IdempotencyKeyConflict = "membership.idempotency_key_conflict";

    /// <summary>A price below the tier's price was given without a reason (the <c>priceReason</c> of a discount or a complimentary term).</summary>
    public const string PriceReasonRequired = "membership.price_reason_required";

    /// <summary>The member is suspended: using entitlements, renewing, upgrading and buying are refused until reinstated.</summary>
    public const string MembershipSuspended = "membership.suspended";

    /// <summary>A suspension was asked for a member who is already suspended, or a reinstatement for one who is not.</summary>
    public const string SuspensionStateConflict = "membership.suspension_state_conflict";

    /// <summary>Promoter rights were asked from a tier that grants none, bought by a member who already holds them at that discount, or revoked from a member who holds none.</summary>
    public const string PromoterRightsConflict = "membership.promoter_rights_conflict";

    /// <summary>A stored membership snapshot contradicts itself (no member or tier, amounts in several currencies, more uses than a grant's quota).</summary>
    public const string InvalidMembershipSnapshot = "membership.invalid_snapshot";

    // --- Growth simulator ---

    /// <summary>Growth simulation options are unusable (a rate outside [0, 1], a negative cost, too many months, an item the community does not sell, ...); the error lists every problem.</summary>
    public const string SimulationInvalidOptions = "simulation.invalid_options";

    // --- Community (the one model joining the parts) ---

    /// <summary>The community's options do not fit its membership plan or member numbers.</summary>
    public const string CommunityInvalidOptions = "community.invalid_options";

    /// <summary>A command is missing a required field, or asks for something this community cannot do.</summary>
    public const string CommunityInvalidCommand = "community.invalid_command";

    /// <summary>A command of a type the community does not know.</summary>
    public const string CommunityUnknownCommand = "community.unknown_command";

    /// <summary>A command names a member who is not registered.</summary>
    public const string CommunityUnknownMember = "community.unknown_member";

    /// <summary>A member is registered a second time.</summary>
    public const string CommunityMemberExists = "community.member_exists";

    /// <summary>A suspended or removed member tried to buy or to use an entitlement.</summary>
    public const string CommunityMemberHeld = "community.member_held";

    /// <summary>An order or refund id is already used for another request.</summary>
    public const string CommunityIdConflict = "community.id_conflict";

    /// <summary>An order names neither a membership tier nor a catalog product.</summary>
    public const string CommunityUnknownItem = "community.unknown_item";

    /// <summary>An order's price is unusable: another currency, negative, above the list price, or given for an upgrade.</summary>
    public const string CommunityInvalidPrice = "community.invalid_price";

    /// <summary>A refund names an order the member never placed.</summary>
    public const string CommunityUnknownOrder = "community.unknown_order";

    /// <summary>A refund's amount is unusable: not positive, another currency, more than is left of the order, or given for a membership.</summary>
    public const string CommunityInvalidRefund = "community.invalid_refund";

    /// <summary>
    /// A membership refund names an order that is not the current membership's: an order of an earlier membership, or one
    /// refunded in full already. Refunding it would take back the payments of the membership the member holds now.
    /// </summary>
    public const string CommunityOrderNotRefundable = "community.order_not_refundable";

    /// <summary>A stored event does not fit the community it is applied to (an unknown member or order).</summary>
    public const string CommunityReplayMismatch = "community.replay_mismatch";

    /// <summary>A community snapshot contradicts itself, or is restored into a community that is not empty.</summary>
    public const string CommunityInvalidSnapshot = "community.invalid_snapshot";

    // --- Referral credits (会员用转介绍兑换一切) ---

    /// <summary>Credit options are unusable (a negative amount, a price that is not positive, an item the community does not sell, ...); the error lists every problem.</summary>
    public const string CreditsInvalidOptions = "credits.invalid_options";

    /// <summary>A credits request is missing a required field or holds an unusable value (an empty id, a refund that is not positive or exceeds the order).</summary>
    public const string CreditsInvalidCommand = "credits.invalid_command";

    /// <summary>A redemption names an item with no credit price.</summary>
    public const string CreditsUnknownItem = "credits.unknown_item";

    /// <summary>A redemption costs more credits than the member holds; the error names the balance.</summary>
    public const string CreditsInsufficient = "credits.insufficient";

    /// <summary>A redemption, earning or reversal id is already used for another request.</summary>
    public const string CreditsIdConflict = "credits.id_conflict";

    /// <summary>A stored credits event does not fit the ledger it is applied to.</summary>
    public const string CreditsReplayMismatch = "credits.replay_mismatch";

    /// <summary>A credits snapshot contradicts itself, or is restored into a ledger that is not empty.</summary>
    public const string CreditsInvalidSnapshot = "credits.invalid_snapshot";

    // --- The organisation (组织机构: 总部-班长-组长-学生) ---

    /// <summary>Organisation options are unusable (a quorum outside 0–100%, a negative term or notice, an empty banned topic); the error lists every problem.</summary>
    public const string OrganisationInvalidOptions = "organisation.invalid_options";

    /// <summary>An organisation request is missing a required field or holds an unusable value.</summary>
    public const string OrganisationInvalidRequest = "organisation.invalid_request";

    /// <summary>A group, election or activity id is used already.</summary>
    public const string OrganisationIdConflict = "organisation.id_conflict";

    /// <summary>No group has the id given.</summary>
    public const string OrganisationUnknownGroup = "organisation.unknown_group";

    /// <summary>A member joins while in a group, moves or leaves while in none, or moves to the group they are in.</summary>
    public const string OrganisationMembershipConflict = "organisation.membership_conflict";

    /// <summary>A leader, candidate or organiser is not a member of the group.</summary>
    public const string OrganisationNotInGroup = "organisation.not_in_group";

    /// <summary>No election has the id given.</summary>
    public const string OrganisationUnknownElection = "organisation.unknown_election";

    /// <summary>An election is closed already, or the class has another election open.</summary>
    public const string OrganisationElectionConflict = "organisation.election_conflict";

    /// <summary>A voter was not in the class when the election opened.</summary>
    public const string OrganisationNotEligible = "organisation.not_eligible";

    /// <summary>A member votes a second time in the same election.</summary>
    public const string OrganisationAlreadyVoted = "organisation.already_voted";

    /// <summary>A title, topic or name touches a banned topic (不准谈论政治、宗教等问题).</summary>
    public const string OrganisationBannedTopic = "organisation.banned_topic";

    /// <summary>An activity is registered with less notice than the rules ask (活动报备).</summary>
    public const string OrganisationLateRegistration = "organisation.late_registration";

    /// <summary>No activity has the id given.</summary>
    public const string OrganisationUnknownActivity = "organisation.unknown_activity";

    /// <summary>An activity is held without approval.</summary>
    public const string OrganisationActivityNotApproved = "organisation.activity_not_approved";

    /// <summary>A stored organisation event does not fit the organisation it is applied to.</summary>
    public const string OrganisationReplayMismatch = "organisation.replay_mismatch";

    // --- Campaign plays (训练营, 营销课, 社群表单, 秒杀, 快闪群, 拼团) ---

    /// <summary>Campaign options are unusable (session bounds out of order, a negative window, an unknown time zone); the error lists every problem.</summary>
    public const string CampaignInvalidOptions = "campaign.invalid_options";

    /// <summary>A play request is missing a required field or holds an unusable value (a price above the list price, an empty window, a target below two).</summary>
    public const string CampaignInvalidRequest = "campaign.invalid_request";

    /// <summary>A play, group, session, question or order id is used already, or a play is set up twice.</summary>
    public const string CampaignIdConflict = "campaign.id_conflict";

    /// <summary>The play's lifecycle does not allow the request in its current stage (e.g. a sale in a closed flash sale); the message names the stage.</summary>
    public const string CampaignInvalidTransition = "campaign.invalid_transition";

    /// <summary>The request falls outside the play's time window (before it opens, after it ends, outside the follow-up window).</summary>
    public const string CampaignOutsideWindow = "campaign.outside_window";

    /// <summary>The flash sale's stock, or the group buy's total limit, is taken.</summary>
    public const string CampaignSoldOut = "campaign.sold_out";

    /// <summary>
    /// The host does not run this kind of play (a cluster that hosts flash sales only is asked for a group buy's order): the
    /// order is refused rather than placed without the play's rules; the message names the play and its kind.
    /// </summary>
    public const string CampaignPlayNotHosted = "campaign.play_not_hosted";

    /// <summary>The member has taken as many as the per-member limit allows.</summary>
    public const string CampaignMemberLimit = "campaign.member_limit";

    /// <summary>A new-customers-only group (老带新团) refuses a member who is a customer already.</summary>
    public const string CampaignNotNewCustomer = "campaign.not_new_customer";

    /// <summary>The member is in the group, the class or the bootcamp already.</summary>
    public const string CampaignAlreadyJoined = "campaign.already_joined";

    /// <summary>The member is not enrolled or not a participant of what the request names.</summary>
    public const string CampaignNotParticipant = "campaign.not_participant";

    /// <summary>No group, session or question of the play has the id given.</summary>
    public const string CampaignUnknownPart = "campaign.unknown_part";

    /// <summary>The group's time limit has passed; it completes or is refunded at expiry, and takes no more participants.</summary>
    public const string CampaignGroupExpired = "campaign.group_expired";

    /// <summary>A survey answer does not fit its question (an unknown choice, a missing required answer).</summary>
    public const string CampaignInvalidAnswer = "campaign.invalid_answer";

    /// <summary>A stored play event does not fit the play it is applied to.</summary>
    public const string CampaignReplayMismatch = "campaign.replay_mismatch";

    // --- Standard work (话术, 关键词回复) ---

    /// <summary>A promoter kit's materials are unusable (no id, title or text, a repeated id, an unknown kind); the error lists every problem.</summary>
    public const string StandardWorkInvalidOptions = "standardwork.invalid_options";

    /// <summary>A reply library request is missing a required field or holds an unusable value.</summary>
    public const string StandardWorkInvalidRequest = "standardwork.invalid_request";

    /// <summary>A reply id is used already.</summary>
    public const string StandardWorkIdConflict = "standardwork.id_conflict";

    /// <summary>A keyword already calls up another live reply.</summary>
    public const string StandardWorkKeywordTaken = "standardwork.keyword_taken";

    /// <summary>No live reply has the id given.</summary>
    public const string StandardWorkUnknownReply = "standardwork.unknown_reply";

    /// <summary>No material of the promoter kit has the id given.</summary>
    public const string StandardWorkUnknownMaterial = "standardwork.unknown_material";

    /// <summary>A stored reply library event does not fit the library it is applied to.</summary>
    public const string StandardWorkReplayMismatch = "standardwork.replay_mismatch";

    // --- Persistence (event names, JSON, stores) ---

    /// <summary>An event-type list cannot make a registry: a name or a type twice, a name that is not stable and versioned, a type that is not an event.</summary>
    public const string InvalidEventTypes = "persistence.invalid_event_types";

    /// <summary>A stored event's name is not registered (written by a newer version, another application or an unregistered package).</summary>
    public const string UnknownEventType = "persistence.unknown_event_type";

    /// <summary>An event to store has a type with no registered name.</summary>
    public const string UnregisteredEventType = "persistence.unregistered_event_type";

    /// <summary>A stored event's JSON does not read as its registered type.</summary>
    public const string UnreadableEvent = "persistence.unreadable_event";

    /// <summary>An append expected a stream at one version and found it at another (optimistic concurrency); nothing was written.</summary>
    public const string StreamVersionConflict = "persistence.version_conflict";

    // --- Work roles (推广员 → 培训师 → 管理员: 获客 — 培训 — 管理) ---

    /// <summary>A roles command holds an unusable value (a role that is not a work role).</summary>
    public const string RolesInvalidCommand = "roles.invalid_command";

    /// <summary>A member is revoked a role they do not hold, or assigned to a customer's care team in a role they do not hold.</summary>
    public const string RolesNotHeld = "roles.not_held";

    /// <summary>A role is revoked while its holder is still in customers' care teams in that role; the error names them.</summary>
    public const string RolesHolderInCare = "roles.holder_in_care";

    /// <summary>A member is assigned to their own care team.</summary>
    public const string RolesSelfCare = "roles.self_care";

    // --- The activity calendar (活动日历, 复盘) ---

    /// <summary>Calendar options are unusable (a negative weekly minimum or attribution window, an offset out of range, an unknown rounding); the error lists every problem.</summary>
    public const string CalendarInvalidOptions = "calendar.invalid_options";

    /// <summary>A month's plan contradicts itself (an activity without id, group, title or organiser, an id twice, a window that ends before it starts or starts outside the month); the error lists every problem.</summary>
    public const string CalendarInvalidPlan = "calendar.invalid_plan";

    /// <summary>A pond (鱼塘) for the pond metrics is unusable: no id, no members, listed twice, or more attendees than members.</summary>
    public const string MetricsInvalidPond = "metrics.invalid_pond";
}
