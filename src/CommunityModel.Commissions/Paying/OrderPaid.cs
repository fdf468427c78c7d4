using System.Collections.Immutable;

namespace CommunityModel.Commissions.Paying;

/// <summary>What paying one order line gave, beside its lines: the resolved schedule, the base, how many lines and their total, and the roles left unfilled.</summary>
/// <param name="Schedule">The order's schedule (its exclusion, when any, says why it earns nothing).</param>
/// <param name="Base">The commissionable base in minor units.</param>
/// <param name="Count">How many lines were written.</param>
/// <param name="Paid">Their total in minor units.</param>
/// <param name="Unfilled">The plan's roles the order named no holder for.</param>
internal readonly record struct OrderPaid(RewardSchedule Schedule, long Base, int Count, long Paid, ImmutableArray<string> Unfilled);
