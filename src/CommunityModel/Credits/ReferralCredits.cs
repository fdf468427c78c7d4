using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CommunityModel.Credits;

/// <summary>
/// The referral credits ledger (会员用转介绍兑换一切): a sponsor earns whole credits when a member they referred pays, spends
/// them on products and perks with a credit price, and loses them when they expire or when the referred purchase is refunded.
/// </summary>
/// <remarks>
/// <para>
/// Every request is decided against the current state without changing it (<c>Decide…</c>): the decision is the events
/// to store, a repeat of a request already recorded, or a typed <see cref="CreditsException"/>. <see cref="Apply"/> is the
/// one way state changes, so the state after requests always equals the replay of their events (<see cref="Replay"/>).
/// <c>Earn</c>, <c>Redeem</c>, <c>Reverse</c> and <c>Expire</c> decide and apply in one step.
/// </para>
/// <para>
/// Credits are held in lots, one per order that earned them, spent oldest first. A refund takes back the order's
/// credits in proportion to the amount refunded, even when they were already spent: the balance may go negative, and later
/// earnings pay that debt before they form a lot. Credits are conserved:
/// earned = redeemed + expired + reversed + balance, for every member.
/// </para>
/// </remarks>
public sealed class ReferralCredits
{
    private readonly object _gate = new();
    private readonly Dictionary<MemberId, WorkingAccount> _accounts = [];
    private readonly Dictionary<string, CreditEarning> _earnings = new(StringComparer.Ordinal);
    private readonly HashSet<MemberId> _rewardedReferrals = [];
    private readonly Dictionary<string, CreditRedemption> _redemptions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RefundId, string OrderId), CreditReversal> _reversals = [];
    private readonly FrozenDictionary<string, long> _prices;
    private readonly FrozenDictionary<string, long> _bonuses;
    private readonly TimeProvider _time;
    private int _applied;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CreditsException">The options are unusable (<see cref="ErrorCodes.CreditsInvalidOptions"/>; every problem is named).</exception>
    public ReferralCredits(CreditOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var problems = CreditOptionsValidator.Problems(options, null);
        if (problems.Count > 0)
        {
            throw new CreditsException(ErrorCodes.CreditsInvalidOptions, "Credit options are invalid: " + string.Join(" ", problems));
        }

        Options = options;
        _prices = (options.Prices ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        _bonuses = (options.ItemBonuses ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The rules.</summary>
    public CreditOptions Options { get; }

    /// <summary>Every account that ever held credits, by member.</summary>
    public ImmutableArray<CreditAccount> Accounts
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.OrderBy(a => a.Key).Select(a => a.Value.ToRecord(a.Key))];
            }
        }
    }

    /// <summary>Rebuilds a ledger from its stored events, in the order they were stored.</summary>
    /// <param name="events">The events.</param>
    /// <param name="empty">An empty ledger with the same options as the one that produced the events.</param>
    /// <returns><paramref name="empty"/>, with every event applied.</returns>
    /// <exception cref="ReplayException">
    /// An event does not fit the state before it (<see cref="ErrorCodes.CreditsReplayMismatch"/>); <see cref="ReplayException.Index"/>
    /// is its position in <paramref name="events"/>.
    /// </exception>
    public static ReferralCredits Replay(IEnumerable<ICreditEvent> events, ReferralCredits empty)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(empty);
        foreach (var e in events)
        {
            empty.Apply(e);
        }

        return empty;
    }

    /// <summary>A member's account; the empty account for a member who never held credits.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The account.</returns>
    public CreditAccount Account(MemberId member)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(member, out var account) ? account.ToRecord(member) : CreditAccount.Empty(member);
        }
    }

    /// <summary>A member's balance: the credits held less any debt.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The balance; negative while a debt is unpaid.</returns>
    public long Balance(MemberId member) => Account(member).Balance;

    /// <summary>The credit price of an item.</summary>
    /// <param name="item">A product or perk id.</param>
    /// <returns>The price, or <see langword="null"/> when the item cannot be redeemed.</returns>
    public long? PriceOf(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _prices.TryGetValue(item, out var price) ? price : null;
    }

    /// <summary>What an order earned, and what became of it.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="earning">The earning, when the order earned credits.</param>
    /// <returns>Whether the order earned credits.</returns>
    public bool TryGetEarning(string orderId, [NotNullWhen(true)] out CreditEarning? earning)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        lock (_gate)
        {
            return _earnings.TryGetValue(orderId, out earning);
        }
    }

    /// <summary>
    /// Decides what a referred member's paid order earns its sponsor: the referral credits on the referred member's first
    /// earning order, the purchase credits (fixed and the rate of the amount paid) and the item's bonus.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <returns>One <see cref="CreditsEarned"/>; nothing when the rules give no credits; a repeat for the same order told again.</returns>
    /// <exception cref="CreditsException">
    /// A field is missing or unusable (<see cref="ErrorCodes.CreditsInvalidCommand"/>), or the order id already earned for
    /// another sponsor, buyer, item or amount (<see cref="ErrorCodes.CreditsIdConflict"/>).
    /// </exception>
    public CreditDecision DecideEarning(ReferredOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderId = Required(order.OrderId, "OrderId");
        var item = Required(order.Item, "Item");
        if (order.Sponsor.IsEmpty || order.Referred.IsEmpty || order.Sponsor == order.Referred)
        {
            throw new CreditsException(ErrorCodes.CreditsInvalidCommand, $"Order '{orderId}' needs a sponsor and a buyer who are two members; sponsor {order.Sponsor}, buyer {order.Referred} are not.", "Sponsor");
        }

        if (!order.Paid.IsPositive)
        {
            throw new CreditsException(ErrorCodes.CreditsInvalidCommand, $"Order '{orderId}' paid {order.Paid}; only a paid order (a positive amount) earns credits.", "Paid");
        }

        lock (_gate)
        {
            if (_earnings.TryGetValue(orderId, out var earned))
            {
                return earned.Sponsor == order.Sponsor && earned.Referred == order.Referred && earned.Item == item && earned.Paid == order.Paid
                    ? Repeat
                    : throw new CreditsException(ErrorCodes.CreditsIdConflict, $"Order '{orderId}' already earned credits for sponsor {earned.Sponsor}: '{earned.Item}' paid {earned.Paid} by member {earned.Referred}.", "OrderId");
            }

            var forReferral = _rewardedReferrals.Contains(order.Referred) ? 0 : Options.PerReferral;
            var forPurchase = Options.PerPurchase + (long)decimal.Floor(order.Paid.Amount * Options.PurchaseRate.Fraction);
            var forItem = _bonuses.GetValueOrDefault(item);
            if (forReferral + forPurchase + forItem == 0)
            {
                return Nothing;
            }

            var now = _time.GetUtcNow();
            DateTimeOffset? expires = Options.ExpireAfterDays > 0 ? now.AddDays(Options.ExpireAfterDays) : null;
            return new([new CreditsEarned(order.Sponsor, order.Referred, orderId, item, order.Paid, forReferral, forPurchase, forItem, expires, now)]);
        }
    }

    /// <summary>Decides a redemption: the member's expired lots are recorded as expired, then the item's price is spent from the oldest lots.</summary>
    /// <param name="member">The member.</param>
    /// <param name="redemptionId">The redemption id, unique in the ledger.</param>
    /// <param name="item">A product or perk with a credit price.</param>
    /// <returns>The expiries and one <see cref="CreditsRedeemed"/>; a repeat for the same redemption asked again.</returns>
    /// <exception cref="CreditsException">
    /// A field is missing (<see cref="ErrorCodes.CreditsInvalidCommand"/>), or the item has no credit price (<see cref="ErrorCodes.CreditsUnknownItem"/>).
    /// </exception>
    /// <exception cref="CreditRedemptionConflictException">The redemption id is already used for another member or item.</exception>
    /// <exception cref="InsufficientCreditsException">The member cannot spend the price; the error names the balance.</exception>
    public CreditDecision DecideRedemption(MemberId member, string redemptionId, string item)
    {
        var id = Required(redemptionId, "RedemptionId");
        var wanted = Required(item, "Item");
        if (member.IsEmpty)
        {
            throw new CreditsException(ErrorCodes.CreditsInvalidCommand, "A redemption needs the member who redeems.", "Member");
        }

        lock (_gate)
        {
            if (_redemptions.TryGetValue(id, out var done))
            {
                return done.Member == member && done.Item == wanted ? Repeat : throw new CreditRedemptionConflictException(done, member, wanted);
            }

            if (!_prices.TryGetValue(wanted, out var price))
            {
                throw new CreditsException(ErrorCodes.CreditsUnknownItem, $"'{wanted}' has no credit price; items that can be redeemed: {(_prices.Count == 0 ? "none" : string.Join(", ", _prices.Keys.Order(StringComparer.Ordinal)))}.", "Item");
            }

            var now = _time.GetUtcNow();
            var account = _accounts.GetValueOrDefault(member);
            var available = account is null ? 0 : account.ToRecord(member).AvailableAt(now);
            if (available < price)
            {
                throw new InsufficientCreditsException(member, wanted, price, available);
            }

            var events = ImmutableArray.CreateBuilder<ICreditEvent>();
            events.AddRange(ExpiriesOf(member, account, now));
            events.Add(new CreditsRedeemed(member, id, wanted, price, now));
            return new(events.ToImmutable());
        }
    }

    /// <summary>
    /// Decides what a refund of a referred order takes back: the order's credits in proportion to the amount refunded
    /// so far, less what already expired, even when the credits were spent (the balance then goes negative).
    /// </summary>
    /// <param name="orderId">The order refunded.</param>
    /// <param name="refundId">The refund id.</param>
    /// <param name="refunded">The amount refunded of the order now; positive.</param>
    /// <returns>One <see cref="CreditsReversed"/>; nothing when the order earned no credits; a repeat for the same refund told again.</returns>
    /// <exception cref="CreditsException">
    /// A field is missing, or the amount is not positive, in another currency or more than is left of the order
    /// (<see cref="ErrorCodes.CreditsInvalidCommand"/>); or the refund id was already told for this order with another amount
    /// (<see cref="ErrorCodes.CreditsIdConflict"/>).
    /// </exception>
    public CreditDecision DecideReversal(string orderId, string refundId, Money refunded)
    {
        var order = Required(orderId, "OrderId");
        var refund = Required(refundId, "RefundId");
        lock (_gate)
        {
            if (_reversals.TryGetValue((refund, order), out var done))
            {
                return done.Refunded == refunded
                    ? Repeat
                    : throw new CreditsException(ErrorCodes.CreditsIdConflict, $"Refund '{refund}' of order '{order}' is already {done.Refunded}, not {refunded}.", "RefundId");
            }

            if (!_earnings.TryGetValue(order, out var earning))
            {
                return Nothing;
            }

            var left = earning.Paid - earning.Refunded;
            if (refunded.Currency != earning.Paid.Currency || !refunded.IsPositive || refunded > left)
            {
                throw new CreditsException(ErrorCodes.CreditsInvalidCommand, $"Refund '{refund}' of {refunded} must be positive, in {earning.Paid.Currency.Code} and at most the {left} left of order '{order}'.", "Refunded");
            }

            var due = (long)((Int128)earning.Credits * (earning.Refunded + refunded).MinorUnits / earning.Paid.MinorUnits);
            var take = Math.Max(0, Math.Min(due - earning.Reversed, earning.Credits - earning.Expired - earning.Reversed));
            return new([new CreditsReversed(earning.Sponsor, order, refund, refunded, take, _time.GetUtcNow())]);
        }
    }

    /// <summary>Decides which lots have expired by now, every member's, oldest first.</summary>
    /// <returns>One <see cref="CreditsExpired"/> per expired lot.</returns>
    public CreditDecision DecideExpiry()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return new([.. _accounts.OrderBy(a => a.Key).SelectMany(a => ExpiriesOf(a.Key, a.Value, now))]);
        }
    }

    /// <summary>Decides and applies an earning (<see cref="DecideEarning"/>).</summary>
    /// <param name="order">The order.</param>
    /// <returns>The decision, applied.</returns>
    public CreditDecision Earn(ReferredOrder order) => Execute(() => DecideEarning(order));

    /// <summary>Decides and applies a redemption (<see cref="DecideRedemption"/>).</summary>
    /// <param name="member">The member.</param>
    /// <param name="redemptionId">The redemption id.</param>
    /// <param name="item">The item.</param>
    /// <returns>The decision, applied.</returns>
    public CreditDecision Redeem(MemberId member, string redemptionId, string item) => Execute(() => DecideRedemption(member, redemptionId, item));

    /// <summary>Decides and applies a reversal (<see cref="DecideReversal"/>).</summary>
    /// <param name="orderId">The order refunded.</param>
    /// <param name="refundId">The refund id.</param>
    /// <param name="refunded">The amount refunded of the order.</param>
    /// <returns>The decision, applied.</returns>
    public CreditDecision Reverse(string orderId, string refundId, Money refunded) => Execute(() => DecideReversal(orderId, refundId, refunded));

    /// <summary>Decides and applies the expiry of every lot due (<see cref="DecideExpiry"/>).</summary>
    /// <returns>The decision, applied.</returns>
    public CreditDecision Expire() => Execute(DecideExpiry);

    /// <summary>Applies a stored event: the one way the ledger changes, used after a decision and on replay.</summary>
    /// <param name="creditEvent">The event.</param>
    /// <exception cref="ReplayException">
    /// The event does not fit the state (<see cref="ErrorCodes.CreditsReplayMismatch"/>); nothing changed. <see cref="ReplayException.Index"/>
    /// is the number of events the ledger applied before it since it was built or restored.
    /// </exception>
    public void Apply(ICreditEvent creditEvent)
    {
        ArgumentNullException.ThrowIfNull(creditEvent);
        lock (_gate)
        {
            switch (creditEvent)
            {
                case CreditsEarned e:
                    ApplyEarned(e);
                    break;
                case CreditsRedeemed r:
                    ApplyRedeemed(r);
                    break;
                case CreditsExpired x:
                    ApplyExpired(x);
                    break;
                case CreditsReversed v:
                    ApplyReversed(v);
                    break;
                default:
                    throw Mismatch(creditEvent, "is not a credits event this version knows");
            }

            _applied++;
        }
    }

    /// <summary>Everything the ledger knows now, to store and restore later without replaying from the first event.</summary>
    /// <returns>The snapshot, in a stable order.</returns>
    public CreditsSnapshot ToSnapshot()
    {
        lock (_gate)
        {
            return new(
                [.. _accounts.OrderBy(a => a.Key).Select(a => a.Value.ToRecord(a.Key))],
                [.. _earnings.Values.OrderBy(e => e.OrderId, StringComparer.Ordinal)],
                [.. _redemptions.Values.OrderBy(r => r.RedemptionId, StringComparer.Ordinal)],
                [.. _reversals.Values.OrderBy(r => r.RefundId, StringComparer.Ordinal).ThenBy(r => r.OrderId, StringComparer.Ordinal)]);
        }
    }

    /// <summary>Restores a snapshot into this ledger, which must be empty; apply the events stored after it with <see cref="Apply"/>.</summary>
    /// <param name="snapshot">A snapshot from <see cref="ToSnapshot"/>.</param>
    /// <exception cref="CreditsException">
    /// The ledger is not empty, or the snapshot contradicts itself (<see cref="ErrorCodes.CreditsInvalidSnapshot"/>; every problem is named); nothing changed.
    /// </exception>
    public void Restore(CreditsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var problems = SnapshotProblems(snapshot);
            if (_accounts.Count > 0 || _earnings.Count > 0 || _redemptions.Count > 0 || _reversals.Count > 0)
            {
                problems.Insert(0, "the ledger it is restored into is not empty");
            }

            if (problems.Count > 0)
            {
                throw new CreditsException(ErrorCodes.CreditsInvalidSnapshot, "The credits snapshot cannot be restored: " + string.Join("; ", problems) + ".");
            }

            foreach (var a in snapshot.Accounts)
            {
                _accounts[a.Member] = new WorkingAccount { Lots = a.Lots.IsDefault ? [] : [.. a.Lots], Debt = a.Debt, Earned = a.Earned, Redeemed = a.Redeemed, Expired = a.Expired, Reversed = a.Reversed };
            }

            foreach (var e in snapshot.Earnings)
            {
                _earnings[e.OrderId] = e;
                _rewardedReferrals.Add(e.Referred);
            }

            foreach (var r in snapshot.Redemptions)
            {
                _redemptions[r.RedemptionId] = r;
            }

            foreach (var r in snapshot.Reversals)
            {
                _reversals[(r.RefundId, r.OrderId)] = r;
            }
        }
    }

    /// <summary>Every way a snapshot contradicts itself; empty when it can be restored.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The problems, each in words.</returns>
    internal static List<string> SnapshotProblems(CreditsSnapshot snapshot)
    {
        var problems = new List<string>();
        if (snapshot.Accounts.IsDefault || snapshot.Earnings.IsDefault || snapshot.Redemptions.IsDefault || snapshot.Reversals.IsDefault)
        {
            problems.Add("it lacks its accounts, earnings, redemptions or reversals");
            return problems;
        }

        var members = new HashSet<MemberId>();
        foreach (var a in snapshot.Accounts)
        {
            var lots = a.Lots.IsDefault ? [] : a.Lots;
            if (!members.Add(a.Member))
            {
                problems.Add($"holds the account of member {a.Member} twice");
            }

            if (lots.Any(l => l.Remaining <= 0 || string.IsNullOrWhiteSpace(l.OrderId)) || a.Debt < 0 || a.Earned < 0 || a.Redeemed < 0 || a.Expired < 0 || a.Reversed < 0)
            {
                problems.Add($"holds a negative amount, an empty lot or a lot of no order in the account of member {a.Member}");
            }
            else if ((a.Debt > 0 && !lots.IsEmpty) || a.Earned != a.Redeemed + a.Expired + a.Reversed + lots.Sum(l => l.Remaining) - a.Debt)
            {
                problems.Add($"does not conserve the credits of member {a.Member}: earned {a.Earned}, redeemed {a.Redeemed}, expired {a.Expired}, reversed {a.Reversed}, held {lots.Sum(l => l.Remaining)}, debt {a.Debt}");
            }
        }

        Unique(problems, snapshot.Earnings.Select(e => e.OrderId), "the earning of order");
        Unique(problems, snapshot.Redemptions.Select(r => r.RedemptionId), "redemption");
        Unique(problems, snapshot.Reversals.Select(r => $"{r.RefundId}' of order '{r.OrderId}"), "the reversal of refund");
        foreach (var e in snapshot.Earnings.Where(e => e.Credits < 0 || e.Reversed < 0 || e.Expired < 0 || e.Reversed + e.Expired > e.Credits || !e.Paid.IsPositive || e.Refunded.Currency != e.Paid.Currency || e.Refunded > e.Paid))
        {
            problems.Add($"holds the earning of order '{e.OrderId}' with {e.Credits} credit(s), {e.Reversed} reversed and {e.Expired} expired, paid {e.Paid} and refunded {e.Refunded}");
        }

        return problems;
    }

    private static void Unique(List<string> problems, IEnumerable<string> ids, string what)
    {
        foreach (var id in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"holds {what} '{id.Key}' twice");
        }
    }

    private static CreditDecision Repeat { get; } = new([], IsRepeat: true);

    private static CreditDecision Nothing { get; } = new([]);

    private CreditDecision Execute(Func<CreditDecision> decide)
    {
        lock (_gate)
        {
            var decision = decide();
            foreach (var e in decision.Events)
            {
                Apply(e);
            }

            return decision;
        }
    }

    private static IEnumerable<CreditsExpired> ExpiriesOf(MemberId member, WorkingAccount? account, DateTimeOffset now) =>
        account is null ? [] : account.Lots.Where(l => l.IsExpiredAt(now)).Select(l => new CreditsExpired(member, l.OrderId, l.Remaining, now)).ToList();

    private void ApplyEarned(CreditsEarned e)
    {
        if (_earnings.ContainsKey(e.OrderId) || e.ForReferral < 0 || e.ForPurchase < 0 || e.ForItem < 0 || !e.Paid.IsPositive || e.Member == e.Referred)
        {
            throw Mismatch(e, $"earns for order '{e.OrderId}', which already earned, or with a negative amount, an unpaid order or a member referring themself");
        }

        var account = AccountOf(e.Member);
        var credits = e.Credits;
        var repaid = Math.Min(account.Debt, credits);
        account.Debt -= repaid;
        account.Earned += credits;
        if (credits > repaid)
        {
            account.Lots.Add(new CreditLot(e.OrderId, credits - repaid, e.OccurredAt, e.ExpiresAt));
        }

        _earnings[e.OrderId] = new CreditEarning(e.OrderId, e.Member, e.Referred, e.Item, e.Paid, credits, Money.Zero(e.Paid.Currency), 0, 0, e.OccurredAt);
        _rewardedReferrals.Add(e.Referred);
    }

    private void ApplyRedeemed(CreditsRedeemed r)
    {
        var account = _accounts.GetValueOrDefault(r.Member);
        var held = account?.Held ?? 0;
        if (_redemptions.ContainsKey(r.RedemptionId) || r.Credits <= 0 || held < r.Credits || account!.Debt > 0)
        {
            throw Mismatch(r, $"spends {r.Credits} credit(s) of member {r.Member}, who holds {held}, or repeats redemption '{r.RedemptionId}'");
        }

        account.Take(r.Credits, null);
        account.Redeemed += r.Credits;
        _redemptions[r.RedemptionId] = new CreditRedemption(r.RedemptionId, r.Member, r.Item, r.Credits, r.OccurredAt);
    }

    private void ApplyExpired(CreditsExpired x)
    {
        var account = _accounts.GetValueOrDefault(x.Member);
        var index = account?.Lots.FindIndex(l => l.OrderId == x.OrderId) ?? -1;
        if (index < 0 || account!.Lots[index].Remaining != x.Credits || !_earnings.TryGetValue(x.OrderId, out var earning))
        {
            throw Mismatch(x, $"expires {x.Credits} credit(s) of order '{x.OrderId}', which member {x.Member} does not hold as a lot");
        }

        account.Lots.RemoveAt(index);
        account.Expired += x.Credits;
        _earnings[x.OrderId] = earning with { Expired = earning.Expired + x.Credits };
    }

    private void ApplyReversed(CreditsReversed v)
    {
        if (_reversals.ContainsKey((v.RefundId, v.OrderId))
            || !_earnings.TryGetValue(v.OrderId, out var earning)
            || earning.Sponsor != v.Member
            || v.Credits < 0
            || v.Credits > earning.Credits - earning.Expired - earning.Reversed
            || v.Refunded.Currency != earning.Paid.Currency
            || !v.Refunded.IsPositive
            || earning.Refunded + v.Refunded > earning.Paid)
        {
            throw Mismatch(v, $"takes back {v.Credits} credit(s) of order '{v.OrderId}' for refund '{v.RefundId}' of {v.Refunded}, which does not follow from what the order earned or repeats the refund");
        }

        var account = AccountOf(v.Member);
        var left = account.Take(v.Credits, v.OrderId);
        account.Debt += left;
        account.Reversed += v.Credits;
        _earnings[v.OrderId] = earning with { Refunded = earning.Refunded + v.Refunded, Reversed = earning.Reversed + v.Credits };
        _reversals[(v.RefundId, v.OrderId)] = new CreditReversal(v.RefundId, v.OrderId, v.Refunded, v.Credits);
    }

    private WorkingAccount AccountOf(MemberId member)
    {
        if (!_accounts.TryGetValue(member, out var account))
        {
            _accounts[member] = account = new WorkingAccount();
        }

        return account;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new CreditsException(ErrorCodes.CreditsInvalidCommand, $"{field} is required.", field) : value.Trim();

    private ReplayException Mismatch(ICreditEvent e, string what) =>
        new(ErrorCodes.CreditsReplayMismatch, _applied, e, $"{e.GetType().Name} at {e.OccurredAt:O} {what}");

    /// <summary>One member's working account; lots oldest first, none empty, and never both lots and a debt.</summary>
    private sealed class WorkingAccount
    {
        public List<CreditLot> Lots { get; init; } = [];

        public long Debt { get; set; }

        public long Earned { get; set; }

        public long Redeemed { get; set; }

        public long Expired { get; set; }

        public long Reversed { get; set; }

        public long Held => Lots.Sum(l => l.Remaining);

        public CreditAccount ToRecord(MemberId member) => new(member, [.. Lots], Debt, Earned, Redeemed, Expired, Reversed);

        /// <summary>Takes credits from the lot of <paramref name="first"/> (when held), then from the oldest lots; returns what the lots could not cover.</summary>
        public long Take(long credits, string? first)
        {
            var left = credits;
            var own = first is null ? -1 : Lots.FindIndex(l => l.OrderId == first);
            if (own >= 0)
            {
                left = TakeFrom(own, left);
            }

            for (var i = 0; i < Lots.Count && left > 0;)
            {
                var before = Lots.Count;
                left = TakeFrom(i, left);
                i += Lots.Count == before ? 1 : 0;
            }

            return left;
        }

        private long TakeFrom(int index, long wanted)
        {
            var lot = Lots[index];
            var taken = Math.Min(lot.Remaining, wanted);
            if (taken == lot.Remaining)
            {
                Lots.RemoveAt(index);
            }
            else
            {
                Lots[index] = lot with { Remaining = lot.Remaining - taken };
            }

            return wanted - taken;
        }
    }
}
