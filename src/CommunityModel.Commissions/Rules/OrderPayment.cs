using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// One order as the plan's rule steps pay it, in order: what it is (schedule, buyer, base, role holdings) and what has
/// been paid so far (the lines written and what is left of the base). Lives on the stack for one order.
/// </summary>
internal ref struct OrderPayment
{
    /// <summary>The order's level rewards (after overrides).</summary>
    internal RewardSchedule Schedule;

    /// <summary>The buyer's (seller's) dense index.</summary>
    internal int Buyer;

    /// <summary>The commissionable base in minor units.</summary>
    internal long Base;

    /// <summary>Where the lines go; at least the plan's most lines per order long.</summary>
    internal Span<PaidLine> Lines;

    /// <summary>When not empty (one slot per level), receives the index of the upline whose level was forfeited.</summary>
    internal Span<int> Forfeited;

    /// <summary>One holding per plan role; empty when the order names no holders.</summary>
    internal ReadOnlySpan<RoleHolding> Roles;

    /// <summary>How many lines have been written.</summary>
    internal int Count;

    /// <summary>What is left of the base: no line takes more.</summary>
    internal long Remaining;

    /// <summary>Writes a line and takes its amount from what is left.</summary>
    internal void Write(in PaidLine line)
    {
        Lines[Count++] = line;
        Remaining -= line.Amount;
    }
}
