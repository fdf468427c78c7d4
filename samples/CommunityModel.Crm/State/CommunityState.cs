using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.MonthEnd;
using CommunityModel.Memberships;
using CommunityModel.Persistence;

namespace CommunityModel.Crm.State;

/// <summary>
/// Everything the CRM knows, rebuilt from the stored events: the library's <see cref="Community"/> (members, orders,
/// memberships, network) with its commissions (balances, withdrawals), the version of each stream, and the few answers
/// the library keeps no index for (what each refund gave back and took back, what each order accrued, the last
/// month-end). Only <see cref="CommunityWriter"/> changes it, one command at a time.
/// </summary>
internal sealed class CommunityState(Community community, CommunityCommissions commissions)
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> _refunded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> _reversed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CommissionAccrued>> _accrued = new(StringComparer.Ordinal);

    /// <summary>The community.</summary>
    public Community Community { get; } = community;

    /// <summary>Its commissions: <see cref="CommunityCommissions.Ledger"/> holds balances, entries and withdrawals.</summary>
    public CommunityCommissions Commissions { get; } = commissions;

    /// <summary>The commission ledger.</summary>
    public CommissionLedger Ledger => Commissions.Ledger;

    /// <summary>Each member's moves on the value chain and withdrawals, which the community and the ledger keep no list of.</summary>
    public MemberHistory History { get; } = new();

    /// <summary>The last month-end run, if any.</summary>
    public MonthEndClosed? LastMonthEnd { get; private set; }

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
            History.Apply(e);
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
                case MonthEndClosed m:
                    LastMonthEnd = m;
                    break;
            }
        }
    }
}
