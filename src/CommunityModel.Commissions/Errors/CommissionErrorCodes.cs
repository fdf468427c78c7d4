namespace CommunityModel.Commissions;

/// <summary>
/// The stable error codes of <see cref="CommissionException"/> and its subclasses. Codes never change
/// meaning once published; new codes are only ever added.
/// </summary>
public static class CommissionErrorCodes
{
    /// <summary>A commission plan's options break a rule (e.g. more than three levels); the message lists every problem.</summary>
    public const string InvalidPlan = "commissions.invalid_plan";

    /// <summary>The plan pays on amount paid minus cost, and an order came without its cost.</summary>
    public const string OrderCostMissing = "commissions.order_cost_missing";

    /// <summary>An order is not in the plan's currency.</summary>
    public const string OrderCurrency = "commissions.order_currency";

    /// <summary>An order, refund or withdrawal names an id or amount that is unusable (empty, negative).</summary>
    public const string InvalidRequest = "commissions.invalid_request";

    /// <summary>
    /// An order line the ledger has no commission for. <see cref="Ledger.CommissionLedger.Refund"/> no longer raises it: a
    /// refund of such a line is kept until the line is accrued (<see cref="Ledger.RefundOutcome.AwaitingAccrual"/>).
    /// </summary>
    public const string UnknownOrderLine = "commissions.unknown_order_line";

    /// <summary>Refunds of an order line would exceed the amount paid for it.</summary>
    public const string RefundExceedsPaid = "commissions.refund_exceeds_paid";

    /// <summary>A withdrawal is below the configured minimum.</summary>
    public const string WithdrawalBelowMinimum = "commissions.withdrawal_below_minimum";

    /// <summary>A withdrawal exceeds the member's available balance (or the balance is negative after a clawback).</summary>
    public const string InsufficientBalance = "commissions.insufficient_balance";

    /// <summary>No withdrawal has the id.</summary>
    public const string UnknownWithdrawal = "commissions.unknown_withdrawal";

    /// <summary>The withdrawal is already paid or rejected; it is settled once.</summary>
    public const string WithdrawalSettled = "commissions.withdrawal_settled";

    /// <summary>A withdrawal id, a refund id of an order line, or a commission's ledger key is already used for another request (other member, amount or level).</summary>
    public const string IdConflict = "commissions.id_conflict";

    /// <summary>
    /// An order line is already accrued in the ledger with another result (other lines, amounts, plan or amount paid):
    /// an order line is accrued once, as a whole, so re-paying it after ranks change or under another plan never pays it twice.
    /// </summary>
    public const string OrderLineAccrued = "commissions.order_line_accrued";

    /// <summary>A stored ledger event does not fit the ledger replayed so far (recorded twice, unknown, out of order, over a total).</summary>
    public const string ReplayMismatch = "commissions.replay_mismatch";

    /// <summary>An earner roster and a network snapshot do not describe the same members.</summary>
    public const string RosterMismatch = "commissions.roster_mismatch";

    /// <summary>A compliance profile is unknown or malformed.</summary>
    public const string InvalidComplianceProfile = "commissions.invalid_compliance_profile";

    // Commissions II: ranks, differential, peer bonus, combined plans and the month-end run.

    /// <summary>A rank ladder's differential rates do not strictly increase from the lowest rank to the highest.</summary>
    public const string RanksUnordered = "commissions.ranks_unordered";

    /// <summary>A rank is malformed: empty or duplicate code, a rate outside 0% to 100%, a negative requirement, an unknown leg rank, or too many ranks.</summary>
    public const string InvalidRank = "commissions.invalid_rank";

    /// <summary>A per-order payout cap is below 0% or above 100% of the base.</summary>
    public const string InvalidPayoutCap = "commissions.invalid_payout_cap";

    /// <summary>A peer bonus is malformed: generations outside 1 to 3, a rate outside 0% to 100%, or an unknown basis.</summary>
    public const string InvalidPeerBonus = "commissions.invalid_peer_bonus";

    /// <summary>Ranks, volumes, a roster or an order batch given to a calculation describe another network or ladder than the others.</summary>
    public const string SnapshotMismatch = "commissions.snapshot_mismatch";

    // Staff and role pay in a combined plan.

    /// <summary>A role of a combined plan is malformed: no name, a repeated name, not exactly one of rate, amount or bands, a rate outside 0% to 100%, a fixed amount negative or in another currency, or too many roles. Band problems keep <see cref="InvalidPlan"/>, the code of a staff schedule's bands.</summary>
    public const string InvalidRole = "commissions.invalid_role";

    /// <summary>An order names a holder for a role its plan does not have.</summary>
    public const string UnknownRole = "commissions.unknown_role";

    /// <summary>A banded (staff) role is paid without the holder's period volume in the role, or with volumes that do not include the order.</summary>
    public const string StaffVolumeMissing = "commissions.staff_volume_missing";

    /// <summary>A <see cref="Paying.RewardSchedule"/> given to a run was resolved by another plan than the one paying.</summary>
    public const string ForeignSchedule = "commissions.foreign_schedule";

    // Rules of one plan.

    /// <summary>
    /// A plan without a payout cap whose rates sum above 100% of the base, for the plan or one of its product or tier
    /// overrides (or a product × tier pair): levels + the top rank's differential + the peer bonus × generations + roles
    /// given as rates. The message names every rule summed and its rate.
    /// </summary>
    public const string RatesExceedBase = "commissions.rates_exceed_base";

    // Attribution at order time.

    /// <summary>
    /// The sponsor changes given to a run do not end at its network: a change names a member or sponsor the network lacks, a member's
    /// last change leaves it with another sponsor than the network's, or the changes make a member its own upline at some time.
    /// </summary>
    public const string SponsorHistoryMismatch = "commissions.sponsor_history_mismatch";

    /// <summary>An order was paid before the start of the sponsor changes given to the run, so its upline at that moment is not known.</summary>
    public const string PaidBeforeHistory = "commissions.paid_before_history";

    /// <summary>A stored ledger snapshot contradicts itself or the ledger's options (another currency, a commission or withdrawal twice, a commission of an order line not accrued, more reversed than accrued).</summary>
    public const string InvalidLedgerSnapshot = "commissions.invalid_ledger_snapshot";

    /// <summary>The map from a community's order roles to the plan's roles is unusable (an empty name, an unknown plan role, two roles paying one); the error lists every problem.</summary>
    public const string InvalidRoleMap = "commissions.invalid_role_map";
}
