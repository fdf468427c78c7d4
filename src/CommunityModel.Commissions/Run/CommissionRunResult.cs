using System.Collections.Immutable;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// What a month-end run paid: the ranks it paid with, totals per rule kind, and every member's earnings per rule
/// kind (40 bytes per member). The lines themselves went to the run's sink. Immutable.
/// </summary>
public sealed class CommissionRunResult
{
    internal const int Kinds = 5;

    private readonly int[] _slots;
    private readonly int _width;
    private readonly long[] _memberTotals;
    private readonly long[] _kindTotals;
    private readonly string[]? _orderLineIds;
    private readonly MemberRanks? _previous;

    internal CommissionRunResult(CommissionPlan plan, MemberRanks ranks, PeriodVolumes? volumes, MemberRanks? previous, string[]? orderLineIds, long[] memberTotals, long[] kindTotals, long totalBase, int orderCount, long lineCount, long cappedOrders)
    {
        Plan = plan;
        Ranks = ranks;
        Volumes = volumes;
        _previous = previous;
        _orderLineIds = orderLineIds;
        _memberTotals = memberTotals;
        _slots = plan.Kernel.KindSlots;
        _width = plan.Kernel.SlotCount;
        _kindTotals = kindTotals;
        OrderCount = orderCount;
        LineCount = lineCount;
        CappedOrders = cappedOrders;
        TotalBase = Money.FromMinorUnits(totalBase, plan.Currency);
        TotalPaid = Money.FromMinorUnits(kindTotals.Sum(), plan.Currency);
    }

    /// <summary>The plan paid.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>The ranks the run paid with (qualified first, or given).</summary>
    public MemberRanks Ranks { get; }

    /// <summary>The period's volumes the ranks were qualified from; <see langword="null"/> when the ranks were given.</summary>
    public PeriodVolumes? Volumes { get; }

    /// <summary>Orders paid.</summary>
    public int OrderCount { get; }

    /// <summary>Ledger lines written.</summary>
    public long LineCount { get; }

    /// <summary>Orders whose lines the per-order cap scaled down.</summary>
    public long CappedOrders { get; }

    /// <summary>The sum of every order's base.</summary>
    public Money TotalBase { get; }

    /// <summary>The sum of every line.</summary>
    public Money TotalPaid { get; }

    /// <summary>What no one earned: the bases minus every line.</summary>
    public Money CompanyRetained => TotalBase.Subtract(TotalPaid);

    /// <summary>The total paid by one rule kind.</summary>
    /// <param name="kind">The rule kind.</param>
    /// <returns>The total.</returns>
    public Money TotalPaidFor(CommissionRuleKind kind) => Money.FromMinorUnits(_kindTotals[(int)kind], Plan.Currency);

    /// <summary>What the member at a dense index earned by one rule kind.</summary>
    /// <param name="index">An index of the run's network.</param>
    /// <param name="kind">The rule kind.</param>
    /// <returns>The earnings.</returns>
    public Money EarnedAt(int index, CommissionRuleKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(Enum.IsDefined(kind), true, nameof(kind));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Ranks.Network.Count, nameof(index));
        var slot = _slots[(int)kind];
        return Money.FromMinorUnits(slot < 0 ? 0 : _memberTotals[(index * _width) + slot], Plan.Currency);
    }

    /// <summary>What a member earned by one rule kind.</summary>
    /// <param name="member">A member of the run's network.</param>
    /// <param name="kind">The rule kind.</param>
    /// <returns>The earnings.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public Money EarnedBy(MemberId member, CommissionRuleKind kind) => EarnedAt(Ranks.Network.IndexOf(member), kind);

    /// <summary>What a member earned by every rule kind together.</summary>
    /// <param name="member">A member of the run's network.</param>
    /// <returns>The earnings.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public Money EarnedBy(MemberId member)
    {
        var total = 0L;
        foreach (var amount in _memberTotals.AsSpan(Ranks.Network.IndexOf(member) * _width, _width))
        {
            total += amount;
        }

        return Money.FromMinorUnits(total, Plan.Currency);
    }

    /// <summary>
    /// The role holders' period volumes the run paid with: summed from its orders by <see cref="CommissionRun.Execute"/> of a
    /// plan with roles, or from a batch by <see cref="OrderBatch.WithRoles"/>; <see langword="null"/> otherwise (no roles paid).
    /// </summary>
    public StaffVolumes? StaffVolumes { get; internal init; }

    /// <summary>The holder table: every role holder named by the run's orders, in ascending id order. A <see cref="CommissionRunLine"/> of kind Staff or Role names its beneficiary by an index of this table.</summary>
    public ImmutableArray<MemberId> Holders => StaffVolumes?.Holders ?? [];

    /// <summary>The holder at an index of <see cref="Holders"/>, e.g. the <see cref="CommissionRunLine.Beneficiary"/> of a Staff or Role line.</summary>
    /// <param name="index">An index of the holder table.</param>
    /// <returns>The holder.</returns>
    public MemberId HolderAt(int index)
    {
        var holders = Holders;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)holders.Length, nameof(index));
        return holders[index];
    }

    /// <summary>What a role holder earned by a role kind in the run; zero for a holder no order named.</summary>
    /// <param name="holder">The holder.</param>
    /// <param name="kind"><see cref="CommissionRuleKind.Staff"/> or <see cref="CommissionRuleKind.Role"/>; members' other kinds are in <see cref="EarnedBy(MemberId, CommissionRuleKind)"/>.</param>
    /// <returns>The earnings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a role kind.</exception>
    public Money EarnedByHolder(MemberId holder, CommissionRuleKind kind)
    {
        if (kind is not (CommissionRuleKind.Staff or CommissionRuleKind.Role))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Role holders earn Staff and Role lines; other kinds are paid to members (EarnedBy).");
        }

        var index = StaffVolumes?.IndexOf(holder) ?? -1;
        return Money.FromMinorUnits(index < 0 ? 0 : _memberTotals[HolderTotals + (index * 2) + (kind - CommissionRuleKind.Staff)], Plan.Currency);
    }

    /// <summary>What a role holder earned by every role in the run together.</summary>
    /// <param name="holder">The holder.</param>
    /// <returns>The earnings.</returns>
    public Money EarnedByHolder(MemberId holder) => EarnedByHolder(holder, CommissionRuleKind.Staff).Add(EarnedByHolder(holder, CommissionRuleKind.Role));

    private int HolderTotals => Ranks.Network.Count * _width;

    /// <summary>The order line id of an order number in the ledger; <see langword="null"/> for a run over an <see cref="OrderBatch"/> (the number is the batch position).</summary>
    /// <param name="order">An order number from a <see cref="CommissionRunLine"/>.</param>
    /// <returns>The id, or <see langword="null"/>.</returns>
    public string? OrderLineIdAt(int order) => _orderLineIds?[order];

    /// <summary>Why a member holds its rank this period: every rule of every rank, required, actual, held.</summary>
    /// <param name="member">A member of the run's network.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="InvalidOperationException">The run was given its ranks, so it has no volumes to explain them from.</exception>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public RankQualification ExplainRank(MemberId member) =>
        Volumes is null
            ? throw new InvalidOperationException("This run was given its ranks; explain them with RankQualifier.Explain and the volumes they came from.")
            : Plan.Qualifier.Explain(Volumes, Ranks, member, _previous);
}
