using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Staff;

/// <summary>
/// A validated, immutable per-order split between organisational roles (环环相扣的组织架构), e.g. division →
/// agent → staff, each role with its own rate of the base or fixed amount, paid to the holders the order names.
/// </summary>
/// <remarks>
/// Roles are paid in their listed order; a fixed amount wins over a rate; a rate's product is rounded by
/// the split (down by default); no line exceeds what is left of the base; a role the order names no
/// holder for is reported as unfilled and its share stays with the company.
/// </remarks>
/// <example>
/// <code>
/// var split = RoleSplit.Create("org", [
///     new RoleShare("division", LevelReward.OfRate(Rate.FromPercent(5))),
///     new RoleShare("agent", LevelReward.OfRate(Rate.FromPercent(3))),
///     new RoleShare("staff", LevelReward.OfFixedAmount(Money.Cny(20m)))]);
/// var result = split.Split("o-1", Money.Cny(3600m), new Dictionary&lt;string, MemberId&gt; { ["division"] = d, ["agent"] = a, ["staff"] = s });
/// // 180.00 + 108.00 + 20.00 paid, 3,292.00 retained
/// </code>
/// </example>
public sealed class RoleSplit
{
    private readonly string[] _rules;

    private RoleSplit(string name, Currency currency, ImmutableArray<RoleShare> shares, RoundingMode rounding)
    {
        Name = name;
        Currency = currency;
        Shares = shares;
        Rounding = rounding;
        _rules = [.. shares.Select(s => $"{name}/role-{s.Role}")];
    }

    /// <summary>The split's name.</summary>
    public string Name { get; }

    /// <summary>The currency of orders and fixed amounts.</summary>
    public Currency Currency { get; }

    /// <summary>The roles' shares, in payment order.</summary>
    public ImmutableArray<RoleShare> Shares { get; }

    /// <summary>How rate shares are rounded to the minor unit.</summary>
    public RoundingMode Rounding { get; }

    /// <summary>Validates and creates a split.</summary>
    /// <param name="name">The split's name; part of every rule id it pays.</param>
    /// <param name="shares">The roles' shares, in payment order; roles unique and not empty.</param>
    /// <param name="currency">The currency; CNY when not given.</param>
    /// <param name="rounding">How rate shares are rounded; down when not given.</param>
    /// <returns>The split.</returns>
    /// <exception cref="CommissionPlanException">The split breaks a rule; every problem is listed.</exception>
    public static RoleSplit Create(string name, IEnumerable<RoleShare> shares, Currency? currency = null, RoundingMode rounding = RoundingMode.Down)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var list = shares.ToImmutableArray();
        var money = currency ?? Currency.CNY;
        var problems = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("Name is empty; give the split a name.");
        }

        if (list.IsEmpty)
        {
            problems.Add("Shares is empty; a split pays at least one role.");
        }

        if (!Enum.IsDefined(rounding))
        {
            problems.Add($"Rounding '{rounding}' is not a rounding mode.");
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        var rates = Rate.Zero;
        for (var i = 0; i < list.Length; i++)
        {
            var share = list[i];
            var where = $"Shares:{i}";
            if (share is null || string.IsNullOrWhiteSpace(share.Role))
            {
                problems.Add($"{where} has no role.");
                continue;
            }

            if (!roles.Add(share.Role))
            {
                problems.Add($"{where} repeats role '{share.Role}'; each role appears once.");
            }

            if (share.Reward.FixedAmount is { } amount && (amount.Currency != money || amount.IsNegative))
            {
                problems.Add($"{where} ('{share.Role}') pays {amount}; a fixed amount is zero or more in {money}.");
            }
            else if (share.Reward.Rate is { } rate)
            {
                if (!rate.IsBetweenZeroAndOne)
                {
                    problems.Add($"{where} ('{share.Role}') pays {rate}; a rate is 0% to 100%.");
                }
                else
                {
                    rates += rate;
                }
            }
        }

        if (rates > Rate.One)
        {
            problems.Add($"Shares pay {rates} of the base in total; at most 100% can be paid.");
        }

        return problems.Count == 0
            ? new RoleSplit(name, money, list, rounding)
            : throw new CommissionPlanException(name ?? string.Empty, problems.ToImmutable());
    }

    /// <summary>The rule id that pays a role: <c>&lt;split&gt;/role-&lt;role&gt;</c>.</summary>
    /// <param name="index">The role's position in <see cref="Shares"/>.</param>
    /// <returns>The rule id.</returns>
    public string RuleAt(int index) => _rules[index];

    /// <summary>Splits an order line's base between the holders of the roles.</summary>
    /// <param name="orderLineId">The order line.</param>
    /// <param name="baseAmount">The line's commissionable base, zero or more, in the split's currency.</param>
    /// <param name="holders">Who held each role on the order; roles not named stay with the company.</param>
    /// <returns>The lines and what the company retains.</returns>
    /// <exception cref="CommissionException">The order line id is empty, the base is negative or in another currency, or a holder is empty.</exception>
    public RoleSplitResult Split(string orderLineId, Money baseAmount, IReadOnlyDictionary<string, MemberId> holders)
    {
        ArgumentNullException.ThrowIfNull(holders);
        if (string.IsNullOrEmpty(orderLineId))
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, "The order line id is empty.");
        }

        if (baseAmount.Currency != Currency)
        {
            throw new CommissionException(CommissionErrorCodes.OrderCurrency, $"Order line '{orderLineId}' is in {baseAmount.Currency}; split '{Name}' pays in {Currency}.");
        }

        if (baseAmount.IsNegative)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{orderLineId}' has base {baseAmount}; it must be zero or more.");
        }

        foreach (var (role, holder) in holders)
        {
            if (holder.IsEmpty)
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{orderLineId}' names an empty holder for role '{role}'.");
            }
        }

        var lines = ImmutableArray.CreateBuilder<RoleLine>();
        var unfilled = ImmutableArray.CreateBuilder<string>();
        var remaining = baseAmount.MinorUnits;
        for (var i = 0; i < Shares.Length; i++)
        {
            var share = Shares[i];
            if (!holders.TryGetValue(share.Role, out var holder))
            {
                unfilled.Add(share.Role);
                continue;
            }

            var wanted = share.Reward.FixedAmount is { } fixedAmount
                ? fixedAmount.MinorUnits
                : baseAmount.Multiply(share.Reward.Rate.GetValueOrDefault(), Rounding).MinorUnits;
            var amount = Math.Min(remaining, wanted);
            if (amount > 0)
            {
                lines.Add(new RoleLine(orderLineId, _rules[i], share.Role, holder, share.Reward, baseAmount, Money.FromMinorUnits(amount, Currency)));
                remaining -= amount;
            }
        }

        return new RoleSplitResult(orderLineId, baseAmount, lines.ToImmutable(), unfilled.ToImmutable(), Money.FromMinorUnits(remaining, Currency));
    }
}
