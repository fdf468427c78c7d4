using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.MonthEnd;
using CommunityModel.Crm.Orders;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Referrals;

namespace CommunityModel.Crm.State;

/// <summary>
/// Everything the CRM knows, rebuilt from the stored events: the library's referral network and
/// commission ledger, each member's lifecycle state and membership, and the CRM's own read models
/// (orders, refunds, withdrawals, month-end runs). Reads are safe from any thread; only
/// <see cref="CommunityWriter"/> changes it, one command at a time.
/// </summary>
internal sealed class Community
{
    private MonthEndClosed? _lastMonthEnd;

    private Community(ReferralNetwork network, CommissionLedger ledger)
    {
        Network = network;
        Ledger = ledger;
    }

    /// <summary>Who referred whom (the library's network; thread-safe).</summary>
    public ReferralNetwork Network { get; }

    /// <summary>Commission entries, balances and withdrawals (the library's ledger; thread-safe).</summary>
    public CommissionLedger Ledger { get; }

    /// <summary>Each registered member's place on the value chain.</summary>
    public ConcurrentDictionary<MemberId, LifecycleState> Lifecycles { get; } = new();

    /// <summary>Each member's membership, as of its last event (bring it to today with <see cref="MembershipDesk.Refresh"/>).</summary>
    public ConcurrentDictionary<MemberId, Membership> Memberships { get; } = new();

    /// <summary>Every order taken, by order id.</summary>
    public ConcurrentDictionary<string, OrderRecorded> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>Each member's orders, in the order they were taken.</summary>
    public ConcurrentDictionary<MemberId, ImmutableList<OrderRecorded>> OrdersByMember { get; } = new();

    /// <summary>Every refund made, by refund id.</summary>
    public ConcurrentDictionary<string, OrderRefunded> Refunds { get; } = new(StringComparer.Ordinal);

    /// <summary>What was refunded of each order so far.</summary>
    public ConcurrentDictionary<string, Money> RefundedByOrder { get; } = new(StringComparer.Ordinal);

    /// <summary>The commission each refund reversed, by refund id (the ledger keeps refund ids per order line; one refund spans several lines).</summary>
    public ConcurrentDictionary<string, Money> ReversedByRefund { get; } = new(StringComparer.Ordinal);

    /// <summary>The commission each order accrued, by order id (the ledger keeps it by beneficiary).</summary>
    public ConcurrentDictionary<string, List<CommissionAccrued>> CommissionsByOrder { get; } = new(StringComparer.Ordinal);

    /// <summary>The last month-end run, if any.</summary>
    public MonthEndClosed? LastMonthEnd => Volatile.Read(ref _lastMonthEnd);

    /// <summary>Rebuilds the community from its stored events, through the library's replay paths.</summary>
    /// <param name="events">Every stored event, in append order.</param>
    /// <param name="referrals">The referral options (binding mode and window).</param>
    /// <param name="ledger">The ledger options (freeze, minimum, fee).</param>
    /// <param name="chain">The value chain, to replay lifecycles.</param>
    /// <param name="time">The clock.</param>
    /// <returns>The community as the events left it.</returns>
    public static Community Replay(IReadOnlyList<IDomainEvent> events, ReferralOptions referrals, LedgerOptions ledger, ValueChain chain, TimeProvider time)
    {
        var community = new Community(ReferralNetwork.Replay(events, referrals, time), CommissionLedger.Replay(events, ledger, time));
        var lifecycles = new Dictionary<MemberId, List<MemberTransitioned>>();
        var memberships = new Dictionary<MemberId, List<IMembershipEvent>>();
        foreach (var e in events)
        {
            switch (e)
            {
                case MemberTransitioned t:
                    Add(lifecycles, t.Member, t);
                    break;
                case IMembershipEvent m:
                    Add(memberships, m.MemberId, m);
                    break;
            }

            community.Track(e);
        }

        foreach (var (member, history) in lifecycles)
        {
            community.Lifecycles[member] = chain.Replay(history);
        }

        var replayer = new MembershipReplayer();
        foreach (var (member, history) in memberships)
        {
            community.Memberships[member] = replayer.Replay(CollectionsMarshal.AsSpan(history));
        }

        return community;
    }

    /// <summary>The member, when registered.</summary>
    /// <param name="member">The member id.</param>
    /// <returns>The member's lifecycle state.</returns>
    /// <exception cref="CrmException">The member is not registered (404).</exception>
    public LifecycleState Require(MemberId member) =>
        Lifecycles.TryGetValue(member, out var state) ? state : throw CrmException.UnknownMember(member);

    /// <summary>Keeps the CRM's read models up to date with a committed event (the library's own state is already updated).</summary>
    /// <param name="e">The event.</param>
    public void Track(IDomainEvent e)
    {
        switch (e)
        {
            case OrderRecorded o:
                Orders[o.OrderId] = o;
                OrdersByMember.AddOrUpdate(o.Member, _ => [o], (_, list) => list.Add(o));
                break;
            case OrderRefunded r:
                Refunds[r.RefundId] = r;
                foreach (var share in r.Shares)
                {
                    RefundedByOrder.AddOrUpdate(share.OrderId, share.Amount, (_, sum) => sum + share.Amount);
                }

                break;
            case CommissionAccrued a:
                CommissionsByOrder.GetOrAdd(a.Key.OrderLineId, _ => []).Add(a);
                break;
            case CommissionReversed r:
                ReversedByRefund.AddOrUpdate(r.RefundId, r.Amount, (_, sum) => sum + r.Amount);
                break;
            case MonthEndClosed m:
                Volatile.Write(ref _lastMonthEnd, m);
                break;
        }
    }

    private static void Add<T>(Dictionary<MemberId, List<T>> histories, MemberId member, T e)
    {
        if (!histories.TryGetValue(member, out var list))
        {
            histories.Add(member, list = []);
        }

        list.Add(e);
    }
}
