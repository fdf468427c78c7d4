using CommunityModel.Commissions.Plans;
namespace CommunityModel.Commissions.Paying;

/// <summary>
/// One line of the month-end ledger in its compact form (32 bytes): indices and minor units. The run writes
/// lines in canonical order: by buyer index (the network snapshot's order), then by <see cref="Order"/>, then in
/// the plan's line order within the order; sort by <see cref="Order"/> (stably) for the orders' sequence. Turn an
/// index into a member with <c>NetworkSnapshot.MemberAt</c>, a kind and ordinal into a rule id with
/// <see cref="Plans.CommissionPlan.RuleId"/>, and an order number into its id with <see cref="Run.CommissionRunResult.OrderLineIdAt"/>.
/// </summary>
/// <param name="Order">The order's number in the run: its position in the batch, or in the ordinal order of order line ids.</param>
/// <param name="Beneficiary">The beneficiary's dense index in the network snapshot; for a <see cref="CommissionRuleKind.Staff"/> or <see cref="CommissionRuleKind.Role"/> line, an index of the run's holder table (<see cref="Run.CommissionRunResult.HolderAt"/>), as role holders need not be members.</param>
/// <param name="Amount">What is paid, in minor units, after the cap.</param>
/// <param name="UncappedAmount">What would be paid without the cap.</param>
/// <param name="Kind">The rule kind.</param>
/// <param name="Ordinal">The level or peer generation; the beneficiary's rank level for a differential; the role's position (from 1) for a role or staff line.</param>
/// <param name="Capped">Whether the per-order cap scaled the line down.</param>
public readonly record struct CommissionRunLine(int Order, int Beneficiary, long Amount, long UncappedAmount, CommissionRuleKind Kind, byte Ordinal, bool Capped);
