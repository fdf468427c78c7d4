using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace CommunityModel.Memberships;

/// <summary>
/// One member's membership: tier, paid terms, credit, and the entitlement ledger. Immutable; it changes
/// only by events (<see cref="Apply(IMembershipEvent)"/>), so replaying the stored events with
/// <see cref="Replay(IEnumerable{IMembershipEvent})"/> rebuilds exactly the same membership. Operations that
/// decide what happens live on <see cref="MembershipDesk"/>.
/// </summary>
public sealed class Membership : IEquatable<Membership>
{
    private readonly ImmutableArray<KeyValuePair<string, string>> _keys;
    private readonly Money _promoterRightsPaid;
    private readonly DateTimeOffset _promoterRightsPaidAt;

    private Membership(MembershipState state)
    {
        MemberId = state.MemberId;
        TierId = state.TierId;
        Status = state.Status;
        Terms = ImmutableArray.Create<PaidTerm>(CollectionsMarshal.AsSpan(state.Terms));
        Entitlements = ImmutableArray.Create<EntitlementLot>(CollectionsMarshal.AsSpan(state.Lots));
        _keys = state.Keys.Count == 0 ? [] : ImmutableArray.Create<KeyValuePair<string, string>>(CollectionsMarshal.AsSpan(state.Keys));
        PaidThrough = state.PaidThrough;
        Credit = state.Credit;
        TotalPaid = state.TotalPaid;
        TotalRefunded = state.TotalRefunded;
        ScheduledTierId = state.ScheduledTierId;
        IsPromoter = state.IsPromoter;
        ShoppingDiscount = state.ShoppingDiscount;
        IsSuspended = state.IsSuspended;
        _promoterRightsPaid = state.PromoterRightsPaid;
        _promoterRightsPaidAt = state.PromoterRightsPaidAt;
    }

    /// <summary>The member.</summary>
    public MemberId MemberId { get; }

    /// <summary>The tier of the latest paid term.</summary>
    public string TierId { get; }

    /// <summary>Active, expired or refunded.</summary>
    public MembershipStatus Status { get; }

    /// <summary>The paid terms of the current run of membership, oldest first, including terms paid ahead.</summary>
    public ImmutableArray<PaidTerm> Terms { get; }

    /// <summary>The entitlement ledger: every grant not yet expired or revoked.</summary>
    public ImmutableArray<EntitlementLot> Entitlements { get; }

    /// <summary>The first day no longer paid for: the end of the last paid term.</summary>
    public DateOnly PaidThrough { get; }

    /// <summary>Credit left over from an upgrade, used towards the next payment and refunded on cancellation.</summary>
    public Money Credit { get; }

    /// <summary>All cash paid, over every purchase, renewal and upgrade.</summary>
    public Money TotalPaid { get; }

    /// <summary>All cash refunded; never more than <see cref="TotalPaid"/>.</summary>
    public Money TotalRefunded { get; }

    /// <summary>The tier the next renewal will be at after a downgrade (or deferred upgrade), or null.</summary>
    public string? ScheduledTierId { get; }

    /// <summary>
    /// Whether the member is a member-promoter: bought a tier such as the gift pack, or bought the rights on top of
    /// another tier. The rights outlive the term; they end only when revoked or when the membership is refunded
    /// (<see cref="PromoterRightsRevoked"/>).
    /// </summary>
    public bool IsPromoter { get; }

    /// <summary>Whether the member is suspended (<see cref="MembershipSuspended"/>): entitlements, renewal, upgrades and purchases are refused until reinstated.</summary>
    public bool IsSuspended { get; }

    /// <summary>The member-promoter's shopping discount; zero when not a promoter.</summary>
    public Rate ShoppingDiscount { get; }

    /// <summary>Whether an idempotency key was already used to consume an entitlement.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <returns><see langword="true"/> when it was used.</returns>
    public bool HasConsumed(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        foreach (var pair in _keys)
        {
            if (pair.Key == idempotencyKey)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many uses of a product are left on a day: null for unlimited, zero when none.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="date">The day.</param>
    /// <returns>The uses left over every grant valid on the day.</returns>
    public int? Balance(string productId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(productId);
        var total = 0;
        foreach (var lot in Entitlements)
        {
            if (lot.ProductId == productId && lot.Validity.Contains(date))
            {
                if (lot.Remaining is not { } remaining)
                {
                    return null;
                }

                total += remaining;
            }
        }

        return total;
    }

    /// <summary>The membership after one more event.</summary>
    /// <param name="membershipEvent">An event of this member that follows from this state.</param>
    /// <returns>The new membership; this one is unchanged.</returns>
    /// <exception cref="ReplayException">
    /// The event is another member's or does not follow (code <see cref="ErrorCodes.EventOutOfOrder"/>, index 0: the position
    /// among the events given to this call).
    /// </exception>
    public Membership Apply(IMembershipEvent membershipEvent)
    {
        ArgumentNullException.ThrowIfNull(membershipEvent);
        var state = ToState();
        state.Apply(membershipEvent, 0);
        return new Membership(state);
    }

    /// <summary>Rebuilds a membership from its stored events, the first being <see cref="MembershipPurchased"/>.</summary>
    /// <param name="events">The member's events in the order they happened.</param>
    /// <returns>The membership.</returns>
    /// <exception cref="ReplayException">
    /// The events are empty, mix members, or do not follow one another (code <see cref="ErrorCodes.EventOutOfOrder"/>;
    /// <see cref="ReplayException.Index"/> is the offending event's position in <paramref name="events"/>).
    /// </exception>
    public static Membership Replay(IEnumerable<IMembershipEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        MembershipState? state = null;
        var index = 0;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            state ??= new MembershipState(e.MemberId);
            state.Apply(e, index++);
        }

        return state is null ? throw NoEvents() : new Membership(state);
    }

    /// <summary>Rebuilds a membership from a slice of stored events, the first being <see cref="MembershipPurchased"/>.</summary>
    /// <param name="events">The member's events in the order they happened.</param>
    /// <returns>The membership.</returns>
    /// <exception cref="ReplayException">
    /// The events are empty, mix members, or do not follow one another (code <see cref="ErrorCodes.EventOutOfOrder"/>;
    /// <see cref="ReplayException.Index"/> is the offending event's position in <paramref name="events"/>).
    /// </exception>
    public static Membership Replay(ReadOnlySpan<IMembershipEvent> events)
    {
        if (events.IsEmpty)
        {
            throw NoEvents();
        }

        return Replay(events, new MembershipState(events[0].MemberId));
    }

    internal static Membership Replay(ReadOnlySpan<IMembershipEvent> events, MembershipState state)
    {
        for (var i = 0; i < events.Length; i++)
        {
            state.Apply(events[i], i);
        }

        return new Membership(state);
    }

    private static ReplayException NoEvents() =>
        new(ErrorCodes.EventOutOfOrder, 0, null, "there are no events to replay; a membership starts with MembershipPurchased");

    /// <summary>Everything this membership holds, as a record to store; <see cref="Restore"/> gives back an equal membership.</summary>
    /// <returns>The snapshot.</returns>
    public MembershipSnapshot ToSnapshot() =>
        new(MemberId, TierId, Status, Terms, Entitlements, [.. _keys.Select(k => new EntitlementUse(k.Key, k.Value))], PaidThrough, Credit, TotalPaid, TotalRefunded,
            ScheduledTierId, IsPromoter, ShoppingDiscount, IsSuspended, _promoterRightsPaid, _promoterRightsPaidAt);

    /// <summary>Rebuilds a membership from its snapshot; apply the member's events after it with <see cref="Apply"/>.</summary>
    /// <param name="snapshot">A snapshot from <see cref="ToSnapshot"/>.</param>
    /// <returns>The membership, equal to the one the snapshot was taken of.</returns>
    /// <exception cref="MembershipRefusedException">
    /// The snapshot contradicts itself: no member or tier, amounts in several currencies, a grant used more than its
    /// quota (code <see cref="ErrorCodes.InvalidMembershipSnapshot"/>; every problem is listed).
    /// </exception>
    public static Membership Restore(MembershipSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        void Problem(string message) => refusals.Add(new Refusal(ErrorCodes.InvalidMembershipSnapshot, $"The membership snapshot of member {snapshot.MemberId} {message}.", "snapshot"));
        if (snapshot.MemberId.IsEmpty)
        {
            Problem("names no member");
        }

        if (string.IsNullOrWhiteSpace(snapshot.TierId))
        {
            Problem("names no tier");
        }

        var currency = snapshot.TotalPaid.Currency;
        if (snapshot.Credit.Currency != currency || snapshot.TotalRefunded.Currency != currency || snapshot.PromoterRightsPaid.Currency != currency)
        {
            Problem($"mixes currencies: credit {snapshot.Credit}, paid {snapshot.TotalPaid}, refunded {snapshot.TotalRefunded}, promoter rights {snapshot.PromoterRightsPaid}");
        }

        foreach (var lot in snapshot.Entitlements.IsDefault ? [] : snapshot.Entitlements)
        {
            if (lot.Consumed < 0 || lot.Quantity is { } quota && (quota < 0 || lot.Consumed > quota))
            {
                Problem($"uses the grant of '{lot.ProductId}' for {lot.Validity} {lot.Consumed} time(s) of {lot.Quantity}");
            }
        }

        if (refusals.Count > 0)
        {
            throw new MembershipRefusedException(refusals.ToImmutable());
        }

        var state = new MembershipState(snapshot.MemberId)
        {
            TierId = snapshot.TierId,
            Status = snapshot.Status,
            Started = true,
            PaidThrough = snapshot.PaidThrough,
            Credit = snapshot.Credit,
            TotalPaid = snapshot.TotalPaid,
            TotalRefunded = snapshot.TotalRefunded,
            ScheduledTierId = snapshot.ScheduledTierId,
            IsPromoter = snapshot.IsPromoter,
            ShoppingDiscount = snapshot.ShoppingDiscount,
            IsSuspended = snapshot.IsSuspended,
            PromoterRightsPaid = snapshot.PromoterRightsPaid,
            PromoterRightsPaidAt = snapshot.PromoterRightsPaidAt,
        };
        state.Terms.AddRange(snapshot.Terms.IsDefault ? [] : snapshot.Terms);
        state.Lots.AddRange(snapshot.Entitlements.IsDefault ? [] : snapshot.Entitlements);
        foreach (var use in snapshot.Uses.IsDefault ? [] : snapshot.Uses)
        {
            state.Keys.Add(new(use.IdempotencyKey, use.ProductId));
        }

        return new Membership(state);
    }

    internal static Membership Freeze(MembershipState state) => new(state);

    internal MembershipState ToState()
    {
        var state = new MembershipState(MemberId)
        {
            TierId = TierId,
            Status = Status,
            Started = true,
            PaidThrough = PaidThrough,
            Credit = Credit,
            TotalPaid = TotalPaid,
            TotalRefunded = TotalRefunded,
            ScheduledTierId = ScheduledTierId,
            IsPromoter = IsPromoter,
            ShoppingDiscount = ShoppingDiscount,
            IsSuspended = IsSuspended,
            PromoterRightsPaid = _promoterRightsPaid,
            PromoterRightsPaidAt = _promoterRightsPaidAt,
        };
        state.Terms.AddRange(Terms);
        state.Lots.AddRange(Entitlements);
        state.Keys.AddRange(_keys);
        return state;
    }

    /// <inheritdoc/>
    public bool Equals(Membership? other) =>
        other is not null
        && MemberId == other.MemberId
        && TierId == other.TierId
        && Status == other.Status
        && PaidThrough == other.PaidThrough
        && Credit == other.Credit
        && TotalPaid == other.TotalPaid
        && TotalRefunded == other.TotalRefunded
        && ScheduledTierId == other.ScheduledTierId
        && IsPromoter == other.IsPromoter
        && ShoppingDiscount == other.ShoppingDiscount
        && IsSuspended == other.IsSuspended
        && _promoterRightsPaid == other._promoterRightsPaid
        && _promoterRightsPaidAt == other._promoterRightsPaidAt
        && Terms.SequenceEqual(other.Terms)
        && Entitlements.SequenceEqual(other.Entitlements)
        && _keys.SequenceEqual(other._keys);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Membership);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MemberId, TierId, Status, PaidThrough, TotalPaid, Entitlements.Length);

    /// <inheritdoc/>
    public override string ToString() => $"Member {MemberId}: {TierId} {Status}, paid through {PaidThrough:yyyy-MM-dd}";
}
