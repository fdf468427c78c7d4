using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// One order line's commission, held in storage the caller owns and reuses from order to order: the online path's
/// explained result without an allocation per order. <see cref="CommissionCalculator.Calculate(CommissionableOrder, MemberRanks?, EarnerRoster, StaffVolumes?, OrderCommissionBuffer)"/>
/// fills it; its lines name each beneficiary, rule and amount (<see cref="this[int]"/>), and <see cref="ToOrderCommission"/>
/// gives the full <see cref="OrderCommission"/> (ranks, compressions, peers, forfeits, role bands) when the order is to be
/// recorded or shown. Not thread-safe: one buffer per thread.
/// </summary>
/// <example>
/// <code>
/// var buffer = new OrderCommissionBuffer(calculator.Plan);   // once per thread
/// calculator.Calculate(order, roster, buffer);                // per order: no allocation
/// for (var i = 0; i &lt; buffer.Count; i++)
/// {
///     var line = buffer[i];                                   // line.Beneficiary, line.Rule, line.Amount …
/// }
/// ledger.Accrue(buffer.ToOrderCommission(), paidAt);          // the explained record, when it is kept
/// </code>
/// </example>
public sealed class OrderCommissionBuffer
{
    private readonly PaidLine[] _lines;
    private readonly int[] _forfeitedAt = new int[CommissionPlan.MaxLevels];
    private readonly RoleHolding[] _holdings;
    private CommissionableOrder? _order;
    private NetworkSnapshot? _network;
    private MemberRanks? _ranks;
    private EarnerRoster? _earners;
    private OrderPaid _paid;

    /// <summary>Creates an empty buffer sized for a plan's largest order (<see cref="CommissionPlan.MaxLinesPerOrder"/> lines).</summary>
    /// <param name="plan">The plan whose calculator fills the buffer.</param>
    public OrderCommissionBuffer(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _lines = new PaidLine[plan.MaxLinesPerOrder];
        _holdings = new RoleHolding[plan.Roles.Length];
    }

    /// <summary>The plan the buffer is sized for.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>Whether an order has been calculated into the buffer.</summary>
    public bool HasOrder => _order is not null;

    /// <summary>The order line whose commission the buffer holds.</summary>
    /// <exception cref="InvalidOperationException">No order has been calculated into the buffer yet.</exception>
    public CommissionableOrder Order => _order ?? throw Empty();

    /// <summary>How many lines the order pays.</summary>
    public int Count => _paid.Count; // zero until the first order: the default payment has no lines

    /// <summary>The commissionable base.</summary>
    /// <exception cref="InvalidOperationException">No order has been calculated into the buffer yet.</exception>
    public Money Base => Money.FromMinorUnits(Paid().Base, Plan.Currency);

    /// <summary>The total paid to members: the sum of the lines' amounts.</summary>
    /// <exception cref="InvalidOperationException">No order has been calculated into the buffer yet.</exception>
    public Money TotalPaid => Money.FromMinorUnits(Paid().Paid, Plan.Currency);

    /// <summary>What no one earned: the base minus the total paid.</summary>
    /// <exception cref="InvalidOperationException">No order has been calculated into the buffer yet.</exception>
    public Money CompanyRetained
    {
        get
        {
            var paid = Paid();
            return Money.FromMinorUnits(paid.Base - paid.Paid, Plan.Currency);
        }
    }

    /// <summary>One line of the order's commission, in the plan's order (the order of <see cref="OrderCommission.Lines"/>).</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>Who earns what under which rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line of the order.</exception>
    public OrderCommissionBufferLine this[int index]
    {
        get
        {
            if (index < 0 || index >= Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, Count == 0 ? "The buffer holds no line." : $"The order pays {Count} line(s): the index must be from 0 to {Count - 1}.");
            }

            ref readonly var line = ref _lines[index];
            var currency = Plan.Currency;
            var beneficiary = line.Kind is CommissionRuleKind.Role or CommissionRuleKind.Staff
                ? _order!.Roles[Plan.Roles[line.Ordinal - 1].Role]
                : _network!.MemberAt(line.Beneficiary);
            return new OrderCommissionBufferLine(
                beneficiary,
                Plan.RuleId(line.Kind, line.Ordinal),
                line.Kind,
                line.Ordinal,
                Money.FromMinorUnits(line.Amount, currency),
                Money.FromMinorUnits(line.Uncapped, currency),
                line.Capped);
        }
    }

    /// <summary>The order's commission as the explained record, equal to what <see cref="CommissionCalculator.Calculate(CommissionableOrder, MemberRanks, EarnerRoster?, StaffVolumes?)"/> returns for the same inputs; it allocates the record and its lines.</summary>
    /// <returns>The commission, every line explained.</returns>
    /// <exception cref="InvalidOperationException">No order has been calculated into the buffer yet.</exception>
    public OrderCommission ToOrderCommission()
    {
        var paid = Paid();
        return CommissionCalculator.Explain(Plan, _order!, _network!, _ranks, _earners, paid, _lines, _forfeitedAt, _holdings);
    }

    /// <summary>Pays an order into the buffer; a refusal leaves the previous order in place.</summary>
    internal void Fill(CommissionCalculator calculator, CommissionableOrder order, NetworkSnapshot network, MemberRanks? ranks, EarnerRoster? earners, StaffVolumes? staffVolumes)
    {
        _paid = calculator.Pay(order, network, ranks, earners, staffVolumes, _lines, _forfeitedAt, _holdings);
        _order = order;
        _network = network;
        _ranks = ranks;
        _earners = earners;
    }

    private OrderPaid Paid() => _order is null ? throw Empty() : _paid;

    private static InvalidOperationException Empty() => new("No order has been calculated into this buffer yet; call CommissionCalculator.Calculate(order, earners, buffer) first.");
}
