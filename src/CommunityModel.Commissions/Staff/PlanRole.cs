using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Staff;

/// <summary>
/// A validated role of a <see cref="CommissionPlan"/>: a fixed share of every order line naming a holder for it
/// (<see cref="CommissionRuleKind.Role"/>), or progressive pay on the holder's period volume in the role
/// (<see cref="CommissionRuleKind.Staff"/>). Immutable.
/// </summary>
public sealed class PlanRole
{
    internal PlanRole(string role, int position, LevelReward? share, StaffSchedule? schedule, string rule)
    {
        Role = role;
        Position = position;
        Share = share;
        Schedule = schedule;
        Rule = rule;
    }

    /// <summary>The role's name.</summary>
    public string Role { get; }

    /// <summary>The role's position in the plan's roles, from 1: the ordinal of its lines.</summary>
    public int Position { get; }

    /// <summary>The rate or fixed amount of a fixed-share role; <see langword="null"/> for a banded role.</summary>
    public LevelReward? Share { get; }

    /// <summary>The bands of a banded role (named after the role, in the plan's currency and rounding); <see langword="null"/> for a fixed share.</summary>
    public StaffSchedule? Schedule { get; }

    /// <summary><see cref="CommissionRuleKind.Staff"/> for a banded role, <see cref="CommissionRuleKind.Role"/> otherwise.</summary>
    public CommissionRuleKind Kind => Schedule is null ? CommissionRuleKind.Role : CommissionRuleKind.Staff;

    /// <summary>The rule id of the role's lines: <c>&lt;plan&gt;/role-&lt;role&gt;</c> or <c>&lt;plan&gt;/staff-&lt;role&gt;</c>.</summary>
    public string Rule { get; }

    /// <summary>Formats as <c>agent: ¥5.00</c> or <c>staff: Marginal from ¥0.00: 3%, from ¥10,000.00: 5%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Schedule is { } schedule ? $"{Role}: {schedule.Mode} {string.Join(", ", schedule.Bands)}" : $"{Role}: {Share}";
}
