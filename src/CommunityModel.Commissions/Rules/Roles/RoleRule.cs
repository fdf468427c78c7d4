using System.Collections.Immutable;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// The plan's organisational roles (division → agent → staff, 内部员工分润) as a rule kind: their validation, their
/// pay step (in the plan's order: a fixed share, or a banded role's whole-volume band rate or marginal effective rate
/// T / V), their explanation and their share of the base. Holders are not network members: statuses do not apply to
/// them, nor does the plan's depth. Immutable; built once per plan.
/// </summary>
internal sealed class RoleRule
{
    private readonly PaidRole[] _roles;
    private readonly RoundingMode _rounding;
    private readonly Currency _currency;

    internal RoleRule(CommissionPlan plan)
    {
        _roles = [.. plan.Roles.Select(r => new PaidRole(r))];
        _rounding = plan.Rounding;
        _currency = plan.Currency;
    }

    /// <summary>How many roles the plan pays.</summary>
    internal int Count => _roles.Length;

    /// <summary>Adds every rule the roles break, each naming its setting (<c>Roles:i</c>, <c>Roles:i:Bands:j</c>); a banded role's bands are checked by <see cref="StaffSchedule.Validate"/>.</summary>
    internal static void Validate(CommissionPlanOptions options, ImmutableArray<CommissionPlanProblem>.Builder problems)
    {
        var roles = options.Roles ?? [];
        void Add(string message) => problems.Add(new(CommissionErrorCodes.InvalidRole, message));
        if (roles.Count > CommissionPlan.MaxRoles)
        {
            Add($"Roles has {roles.Count} roles; a plan pays at most {CommissionPlan.MaxRoles}.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Count; i++)
        {
            var where = $"Roles:{i}";
            if (roles[i] is not { } role)
            {
                Add($"{where} is empty; give the role a name and one of Rate, Amount or Bands.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(role.Role))
            {
                Add($"{where}:Role is empty; name the role (e.g. division, agent, staff).");
            }
            else if (!seen.TryAdd(role.Role, i))
            {
                Add($"{where}:Role '{role.Role}' repeats Roles:{seen[role.Role]}; each role appears once.");
            }

            var bands = role.Bands ?? [];
            var set = new[] { role.Rate is null ? null : "Rate", role.Amount is null ? null : "Amount", bands.Count == 0 ? null : "Bands" }.OfType<string>().ToArray();
            if (set.Length != 1)
            {
                var what = set.Length == 0 ? "none of them" : string.Join(" and ", set);
                Add($"{where} ('{role.Role}') sets {what}; set exactly one of Rate (a share of the base), Amount (per order line) or Bands (on the holder's period volume).");
            }

            if (role.Rate is { IsBetweenZeroAndOne: false } rate)
            {
                Add($"{where}:Rate is {rate}; a role's rate is 0% to 100% of the base.");
            }

            if (role.Amount is { } amount && (amount.Currency != options.Currency || amount.IsNegative))
            {
                Add($"{where}:Amount is {amount}; a fixed amount is zero or more in the plan's {options.Currency}.");
            }

            if (bands.Count > 0 && options.Currency != Currency.None)
            {
                // The staff schedule's own validator, its code and messages, under this role's path.
                foreach (var problem in StaffSchedule.Validate(PlanRoles.ScheduleOptions(options, role)))
                {
                    problems.Add(new(CommissionErrorCodes.InvalidPlan, $"{where}:{problem}"));
                }
            }
        }
    }

    /// <summary>A role given as a rate pays at most that rate of the base; a banded role at most its highest band's rate. Fixed amounts are not rates.</summary>
    internal static IEnumerable<RateShare> RateShares(CommissionPlanOptions options)
    {
        foreach (var role in options.Roles ?? [])
        {
            if (role?.Rate is { } rate)
            {
                yield return new RateShare($"role-{role.Role} {rate}", rate);
            }
            else if (role is { Amount: null, Bands.Count: > 0 } && role.Bands.Where(b => b is not null).Select(b => b.Rate ?? Rate.Zero).DefaultIfEmpty().Max() is var top && top > Rate.Zero)
            {
                yield return new RateShare($"staff-{role.Role} {top}", top);
            }
        }
    }

    /// <summary>Pays each role the order names a holder for, in the plan's order.</summary>
    internal void Pay(ref OrderPayment payment)
    {
        var roles = payment.Roles;
        if (roles.IsEmpty || payment.Remaining <= 0)
        {
            return;
        }

        var baseMinor = payment.Base;
        for (var i = 0; i < _roles.Length && payment.Remaining > 0; i++)
        {
            var holding = roles[i];
            if (holding.Holder < 0)
            {
                continue;
            }

            var role = _roles[i];
            var band = 0;
            long wanted;
            if (role.Schedule is null)
            {
                wanted = role.Fixed >= 0 ? role.Fixed : role.ShareRate.Of(baseMinor, _rounding);
            }
            else
            {
                band = role.Schedule.BandIndexOf(holding.Volume);
                // A volume netted to zero by refunds pays the lowest band's rate, the limit of T / V as V falls to zero.
                wanted = role.Marginal && holding.Volume > 0
                    ? Money.FromMinorUnits(baseMinor, _currency).Prorate(holding.PeriodPay, holding.Volume, _rounding).MinorUnits
                    : role.BandRates[band].Of(baseMinor, _rounding);
            }

            var amount = Math.Min(payment.Remaining, wanted);
            if (amount > 0)
            {
                payment.Write(new PaidLine { Beneficiary = holding.Holder, Amount = amount, Uncapped = amount, Basis = baseMinor, Source = band, Kind = role.Kind, Ordinal = (byte)(i + 1) });
            }
        }
    }

    /// <summary>A role line explained: the share, or the band reached (whole volume) or the effective rate T / V (marginal), with V and T.</summary>
    internal static CommissionLine Explain(CommissionPlan plan, CommissionableOrder order, in PaidLine line, in RoleHolding holding)
    {
        var currency = plan.Currency;
        var role = plan.Roles[line.Ordinal - 1];
        var reward = role.Share;
        StaffBand? band = null;
        if (role.Schedule is { } schedule)
        {
            band = schedule.Bands[line.Source];
            reward = LevelReward.OfRate(schedule.Mode == StaffBandMode.WholeVolume || holding.Volume == 0 ? band.Value.Rate : Rate.FromFraction((decimal)holding.PeriodPay / holding.Volume));
        }

        return new CommissionLine(
            order.OrderLineId,
            role.Rule,
            line.Kind,
            line.Ordinal,
            order.Roles[role.Role],
            null,
            reward!,
            Money.FromMinorUnits(line.Basis, currency),
            Money.FromMinorUnits(line.Amount, currency),
            Money.FromMinorUnits(line.Uncapped, currency),
            line.Capped,
            [],
            null)
        {
            Role = role.Role,
            Band = band,
            PeriodVolume = band is null ? null : Money.FromMinorUnits(holding.Volume, currency),
            PeriodPay = band is null ? null : Money.FromMinorUnits(holding.PeriodPay, currency),
        };
    }

    /// <summary>A plan role with its rates precomputed.</summary>
    private sealed class PaidRole
    {
        internal PaidRole(PlanRole role)
        {
            Kind = role.Kind;
            Fixed = role.Share?.FixedAmount?.MinorUnits ?? -1;
            ShareRate = new RateFactor(role.Share?.Rate ?? Rate.Zero);
            if (role.Schedule is { } schedule)
            {
                Schedule = schedule;
                BandRates = [.. schedule.Bands.Select(b => new RateFactor(b.Rate))];
                Marginal = schedule.Mode == StaffBandMode.Marginal;
            }
        }

        internal CommissionRuleKind Kind { get; }

        internal long Fixed { get; }

        internal RateFactor ShareRate { get; }

        internal StaffSchedule? Schedule { get; }

        internal RateFactor[] BandRates { get; } = [];

        internal bool Marginal { get; }
    }
}
