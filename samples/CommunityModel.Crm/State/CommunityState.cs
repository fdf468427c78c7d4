using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.MonthEnd;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Persistence;

namespace CommunityModel.Crm.State;

/// <summary>
/// Everything the CRM knows, rebuilt from the stored events: the library's <see cref="Community"/> (members, orders,
/// memberships, network) with its commissions (balances, withdrawals), the version of each stream, and the few answers
/// the library keeps no index for (what each refund gave back and took back, what each order accrued, the
/// withdrawals with their status, the month-end runs, each member's moves on the value chain). Only <see cref="CommunityWriter"/> changes it, one command at a time.
/// </summary>
internal sealed class CommunityState(Community community, CommunityCommissions commissions)
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> _refunded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> _reversed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CommissionAccrued>> _accrued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WithdrawalView> _withdrawals = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, List<string>> _withdrawalsOf = [];
    private readonly Dictionary<string, MonthEndRun> _monthEnds = new(StringComparer.Ordinal);
    private readonly SortedSet<long> _memberIds = [];

    /// <summary>The community.</summary>
    public Community Community { get; } = community;

    /// <summary>Its commissions: <see cref="CommunityCommissions.Ledger"/> holds balances, entries and withdrawals.</summary>
    public CommunityCommissions Commissions { get; } = commissions;

    /// <summary>The commission ledger.</summary>
    public CommissionLedger Ledger => Commissions.Ledger;

    /// <summary>Each member's moves on the value chain, which the community keeps no list of.</summary>
    public StageHistory Stages { get; } = new();

    /// <summary>The last month-end run, if any.</summary>
    public MonthEndClosed? LastMonthEnd { get; private set; }

    /// <summary>The month-end run begun and not closed yet, if any: a process stopped in the middle of it.</summary>
    public MonthEndStarted? OpenMonthEnd { get; private set; }

    /// <summary>A period's month-end run, begun or closed.</summary>
    /// <param name="period">The period, e.g. <c>2026-03</c>.</param>
    /// <returns>The run, or null when the period was never run.</returns>
    public MonthEndRun? MonthEndOf(string period) => _monthEnds.GetValueOrDefault(period);

    /// <summary>Member ids above <paramref name="after"/>, in ascending order: the members list's pages.</summary>
    /// <param name="after">The last id of the previous page, 0 for the first.</param>
    /// <returns>The ids, lazily.</returns>
    public IEnumerable<MemberId> MembersAfter(long after) =>
        after == long.MaxValue ? [] : _memberIds.GetViewBetween(after + 1, long.MaxValue).Select(id => new MemberId(id));

    /// <summary>A withdrawal and where it stands.</summary>
    /// <param name="withdrawalId">The withdrawal id.</param>
    /// <returns>The withdrawal, or null for one never requested.</returns>
    public WithdrawalView? Withdrawal(string withdrawalId) => _withdrawals.GetValueOrDefault(withdrawalId);

    /// <summary>A member's withdrawal ids, in the order they were requested.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<string> WithdrawalsOf(MemberId member) => _withdrawalsOf.TryGetValue(member, out var ids) ? ids : [];

    /// <summary>A stream's version: how many events it holds (0 for a new stream).</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The version.</returns>
    public long VersionOf(string streamId) => _versions.GetValueOrDefault(streamId);

    /// <summary>What a refund gave back to the buyer.</summary>
    /// <param name="refundId">The refund id.</param>
    /// <returns>The amount, or null for a refund never made.</returns>
    public Money? RefundedBy(string refundId) => _refunded.TryGetValue(refundId, out var amount) ? amount : null;

    /// <summary>The commission a refund took back from the uplines, over every order line it reached.</summary>
    /// <param name="refundId">The refund id.</param>
    /// <param name="currency">The currency of a refund that reversed nothing.</param>
    /// <returns>The amount.</returns>
    public Money ReversedBy(string refundId, Currency currency) => _reversed.GetValueOrDefault(refundId, Money.Zero(currency));

    /// <summary>The commission an order accrued, in the order it was entered.</summary>
    /// <param name="orderId">The order id (the commission's order line).</param>
    /// <returns>The accruals.</returns>
    public IReadOnlyList<CommissionAccrued> AccruedBy(string orderId) => _accrued.GetValueOrDefault(orderId) ?? [];

    /// <summary>Replays a stored event: the community applies it, the stream's version and the CRM's indexes follow it.</summary>
    /// <param name="recorded">The event as the store returned it.</param>
    public void Replay(RecordedEvent recorded)
    {
        Community.Apply(recorded.Event);
        Committed(recorded.StreamId, recorded.Version, [recorded.Event]);
    }

    /// <summary>Records a command's events once they are stored (the community has already applied them).</summary>
    /// <param name="streamId">The stream they were appended to.</param>
    /// <param name="version">The stream's version after the append.</param>
    /// <param name="events">The events.</param>
    public void Committed(string streamId, long version, IEnumerable<IDomainEvent> events)
    {
        _versions[streamId] = version;
        foreach (var e in events)
        {
            Stages.Apply(e);
            switch (e)
            {
                case ProductRefunded r:
                    _refunded[r.RefundId] = r.Amount;
                    break;
                case MembershipRefunded { RefundId: { } id } r:
                    _refunded[id] = r.Amount;
                    break;
                case CommissionAccrued a:
                    (_accrued.TryGetValue(a.Key.OrderLineId, out var lines) ? lines : _accrued[a.Key.OrderLineId] = []).Add(a);
                    break;
                case CommissionReversed r:
                    _reversed[r.RefundId] = _reversed.TryGetValue(r.RefundId, out var sum) ? sum + r.Amount : r.Amount;
                    break;
                case MemberTransitioned t:
                    _memberIds.Add(t.Member.Value); // a member exists from their first stage on
                    break;
                case WithdrawalRequested w:
                    _withdrawals[w.WithdrawalId] = WithdrawalView.Of(w, replayed: false);
                    (_withdrawalsOf.TryGetValue(w.Member, out var ids) ? ids : _withdrawalsOf[w.Member] = []).Add(w.WithdrawalId);
                    break;
                case WithdrawalPaid p when _withdrawals.TryGetValue(p.WithdrawalId, out var paid):
                    _withdrawals[p.WithdrawalId] = paid with { Status = WithdrawalStatus.Paid, SettledAt = p.OccurredAt };
                    break;
                case WithdrawalRejected r when _withdrawals.TryGetValue(r.WithdrawalId, out var rejected):
                    _withdrawals[r.WithdrawalId] = rejected with { Status = WithdrawalStatus.Rejected, SettledAt = r.OccurredAt, RejectionReason = r.Reason };
                    break;
                case MonthEndStarted m:
                    _monthEnds[m.Period] = new MonthEndRun(m, null);
                    OpenMonthEnd = m;
                    break;
                case MonthEndClosed m:
                    _monthEnds[m.Period] = new MonthEndRun(_monthEnds.GetValueOrDefault(m.Period)?.Started, m);
                    LastMonthEnd = m;
                    OpenMonthEnd = null;
                    break;
            }
        }
    }
}
