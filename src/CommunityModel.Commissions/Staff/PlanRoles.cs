using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Rules;

namespace CommunityModel.Commissions.Staff;

/// <summary>Creates the roles of a combined plan (validated by <see cref="Rules.RoleRule"/>) and reads the holders an order names.</summary>
internal static class PlanRoles
{
    /// <summary>The validated roles, in payment order.</summary>
    internal static ImmutableArray<PlanRole> Create(CommissionPlanOptions options)
    {
        var roles = options.Roles ?? [];
        var result = ImmutableArray.CreateBuilder<PlanRole>(roles.Count);
        for (var i = 0; i < roles.Count; i++)
        {
            var role = roles[i];
            if (role.Bands is { Count: > 0 })
            {
                result.Add(new PlanRole(role.Role, i + 1, null, StaffSchedule.Create(ScheduleOptions(options, role)), $"{options.Name}/staff-{role.Role}"));
            }
            else
            {
                var share = role.Amount is { } amount ? LevelReward.OfFixedAmount(amount) : LevelReward.OfRate(role.Rate!.Value);
                result.Add(new PlanRole(role.Role, i + 1, share, null, $"{options.Name}/role-{role.Role}"));
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>A banded role's bands as a staff schedule's options, in the plan's currency and rounding.</summary>
    internal static StaffScheduleOptions ScheduleOptions(CommissionPlanOptions plan, RoleOptions role)
    {
        var schedule = new StaffScheduleOptions
        {
            Name = string.IsNullOrWhiteSpace(role.Role) ? "role" : role.Role,
            Currency = plan.Currency,
            Mode = role.Mode,
            Rounding = Enum.IsDefined(plan.Rounding) ? plan.Rounding : RoundingMode.Down,
        };
        foreach (var band in role.Bands)
        {
            schedule.Bands.Add(band);
        }

        return schedule;
    }

    /// <summary>The plan's role names, for messages.</summary>
    internal static string Names(CommissionPlan plan) =>
        plan.Roles.IsEmpty ? "none" : string.Join(", ", plan.Roles.Select(r => r.Role));

    /// <summary>Checks that an order names only roles of the plan, each with a holder.</summary>
    internal static void CheckHolders(CommissionPlan plan, CommissionableOrder order)
    {
        foreach (var (role, holder) in order.Roles)
        {
            _ = PositionOf(plan, order, role, holder);
        }
    }

    /// <summary>The position (from 0) of a role an order names, checking the role exists and the holder is not empty.</summary>
    internal static int PositionOf(CommissionPlan plan, CommissionableOrder order, string role, MemberId holder)
    {
        if (!plan.TryGetRole(role, out var position))
        {
            throw new CommissionException(CommissionErrorCodes.UnknownRole, $"Order line '{order.OrderLineId}' names a holder for role '{role}'; plan '{plan.Name}' has roles: {Names(plan)}.");
        }

        CheckHolder(order, role, holder);
        return position;
    }

    /// <summary>Checks that an order names a holder (not an empty id) for a role.</summary>
    internal static void CheckHolder(CommissionableOrder order, string role, MemberId holder)
    {
        if (holder.IsEmpty)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{order.OrderLineId}' names an empty holder for role '{role}'.");
        }
    }

    /// <summary>
    /// Fills one order's holdings, one per plan role (holder = the role's position, or -1 when unfilled), with the
    /// holder's period volume and pay for banded roles, and returns the unfilled roles; for an excluded order only checks the names.
    /// </summary>
    internal static ImmutableArray<string> Hold(CommissionPlan plan, CommissionableOrder order, long baseMinor, bool excluded, StaffVolumes? volumes, Span<RoleHolding> holdings)
    {
        CheckHolders(plan, order);
        if (excluded)
        {
            return []; // an excluded order pays no rule; its exclusion says why, and it adds to no holder's volume
        }

        if (volumes is not null && volumes.Plan != plan)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The staff volumes were summed under plan '{volumes.Plan.Name}', another plan than '{plan.Name}'; create them with StaffVolumes.Create(plan, orders).");
        }

        var unfilled = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < holdings.Length; i++)
        {
            var role = plan.Roles[i];
            if (!order.Roles.TryGetValue(role.Role, out var holder))
            {
                holdings[i] = new RoleHolding(-1, 0, 0);
                unfilled.Add(role.Role);
                continue;
            }

            if (role.Schedule is null)
            {
                holdings[i] = new RoleHolding(i, 0, 0);
                continue;
            }

            if (volumes is null)
            {
                throw new CommissionException(CommissionErrorCodes.StaffVolumeMissing, $"Order line '{order.OrderLineId}' names {holder} for banded role '{role.Role}', which pays on the holder's period volume; pass the period's StaffVolumes.Create(plan, orders).");
            }

            var h = volumes.IndexOf(holder);
            var sold = h < 0 ? 0 : volumes.SoldAt(i, h);
            if (sold < baseMinor)
            {
                throw new CommissionException(CommissionErrorCodes.StaffVolumeMissing, $"The staff volumes give {holder} {Money.FromMinorUnits(sold, plan.Currency)} in role '{role.Role}', less than order line '{order.OrderLineId}''s base {Money.FromMinorUnits(baseMinor, plan.Currency)}: they do not include this order; sum them from the period's orders including it.");
            }

            holdings[i] = new RoleHolding(i, volumes.VolumeAt(i, h), volumes.PeriodPayAt(i, h));
        }

        return unfilled.DrainToImmutable();
    }
}
