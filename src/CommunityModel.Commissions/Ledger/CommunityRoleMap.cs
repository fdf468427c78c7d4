using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Ledger;

/// <summary>
/// Which plan role each role of a community order pays (<see cref="CommunityOrder.Roles"/> → <see cref="Paying.CommissionableOrder.Roles"/>):
/// e.g. the buyer's recruiting promoter (<c>promoter</c>) as the plan's <c>recruiter</c> role. Each entry maps one
/// community role name to one role of the plan; an order role with no entry pays nothing, and a plan role no order names
/// is reported unfilled. Another source of roles (the organiser of the activity a sale is attributed to) is one more entry.
/// <see cref="CommissionableOrderOf"/> is the one conversion of a community order into the order the plan pays on, for the
/// online path (<see cref="CommunityCommissions"/>), a month-end run and an explanation alike.
/// </summary>
public sealed class CommunityRoleMap
{
    private readonly ImmutableDictionary<string, string> _map;

    private CommunityRoleMap(ImmutableDictionary<string, string> map) => _map = map;

    /// <summary>No mapping: community orders name no plan roles.</summary>
    public static CommunityRoleMap None { get; } = new(ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The entries: community role name → plan role name, ordinal.</summary>
    public ImmutableDictionary<string, string> Entries => _map;

    /// <summary>Checks a mapping against a plan's roles and creates it.</summary>
    /// <param name="map">Community role name → plan role name.</param>
    /// <param name="plan">The plan whose roles are paid.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="CommissionException">A name is empty, a plan role is unknown, or two community roles pay the same plan role (<see cref="CommissionErrorCodes.InvalidRoleMap"/>; every problem named).</exception>
    public static CommunityRoleMap Create(IEnumerable<KeyValuePair<string, string>> map, CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(plan);
        var entries = map.ToList();
        var problems = Problems(entries, plan.Roles.Select(r => r.Role));
        return problems.Count > 0
            ? throw new CommissionException(CommissionErrorCodes.InvalidRoleMap, "The community role map is invalid: " + string.Join(" ", problems))
            : new CommunityRoleMap(entries.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>Every problem of a mapping against the names of a plan's roles, for start-up validation.</summary>
    /// <param name="map">Community role name → plan role name.</param>
    /// <param name="planRoles">The plan's role names.</param>
    /// <returns>The problems; empty when the mapping is usable.</returns>
    public static IReadOnlyList<string> Problems(IEnumerable<KeyValuePair<string, string>> map, IEnumerable<string> planRoles)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(planRoles);
        var roles = planRoles.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var paidBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (community, planRole) in map)
        {
            if (community is not null && !named.Add(community))
            {
                problems.Add($"CommunityRoles:{community} is listed twice.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(community) || string.IsNullOrWhiteSpace(planRole))
            {
                problems.Add($"CommunityRoles: '{community}' → '{planRole}' needs both a community role name and a plan role name.");
                continue;
            }

            if (!roles.Contains(planRole))
            {
                problems.Add($"CommunityRoles:{community} names plan role '{planRole}', which the plan does not have ({(roles.Count == 0 ? "it has no roles" : string.Join(", ", roles.Order(StringComparer.Ordinal)))}).");
            }
            else if (!paidBy.TryAdd(planRole, community))
            {
                problems.Add($"CommunityRoles:{community} and CommunityRoles:{paidBy[planRole]} both pay plan role '{planRole}'; an order line has one holder per role.");
            }
        }

        return problems;
    }

    /// <summary>The plan roles of a community order: each mapped role's holder under its plan role name.</summary>
    /// <param name="orderRoles">The order's roles by community role name.</param>
    /// <returns>The holders by plan role name.</returns>
    public ImmutableDictionary<string, MemberId> PlanRolesOf(ImmutableDictionary<string, MemberId> orderRoles)
    {
        ArgumentNullException.ThrowIfNull(orderRoles);
        var roles = ImmutableDictionary.CreateBuilder<string, MemberId>(StringComparer.Ordinal);
        foreach (var (community, holder) in orderRoles)
        {
            if (_map.TryGetValue(community, out var planRole))
            {
                roles[planRole] = holder;
            }
        }

        return roles.ToImmutable();
    }

    /// <summary>
    /// The order a plan pays on for a community order: its id, buyer and cash paid, its product and ladder rung, its kind (the
    /// play's kind for a sale within a play, so a plan's excluded kinds such as <c>GroupBuy</c> apply, else the order's
    /// <see cref="OrderKind"/>), when it was paid, and its roles under the plan's role names (<see cref="PlanRolesOf"/>).
    /// The one conversion: the online path, a month-end run and an explanation of an order see the same order.
    /// </summary>
    /// <param name="order">The community order.</param>
    /// <returns>The commissionable order.</returns>
    public CommissionableOrder CommissionableOrderOf(CommunityOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new CommissionableOrder(order.OrderId, order.Member, order.Paid)
        {
            ProductId = order.ProductId,
            LadderTier = order.LadderTier,
            Kind = order.PlayKind?.ToString() ?? order.Kind.ToString(),
            PaidAt = order.PaidAt,
            Roles = PlanRolesOf(order.Roles),
        };
    }
}
