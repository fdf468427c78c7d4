using System.Collections.Immutable;

namespace CommunityModel.Memberships;

/// <summary>
/// Decides what happens to memberships under a <see cref="MembershipPlan"/>: purchase, renewal,
/// upgrade and downgrade, refund, entitlement use and expiry. Every operation reads today from the
/// injected <see cref="TimeProvider"/> in the plan's time zone, first brings the membership up to date
/// (expiring grants and terms that ended), and returns the new membership with the events to store.
/// Refused operations change nothing. Thread-safe: it holds no mutable state.
/// </summary>
/// <example>
/// <code>
/// var desk = new MembershipDesk(SeedBusiness.CreatePlan(), TimeProvider.System);
/// var vip = desk.Purchase(1024, SeedBusiness.Vip);
/// var attended = desk.Consume(vip.Membership, SeedBusiness.OfflineCourse, "attendance-7731");
/// var quote = desk.QuoteUpgrade(attended.Membership, SeedBusiness.Ka);
/// </code>
/// </example>
/// <param name="plan">The tiers and policies.</param>
/// <param name="timeProvider">The clock.</param>
public sealed class MembershipDesk(MembershipPlan plan, TimeProvider timeProvider)
{
    private readonly MembershipPlan _plan = plan ?? throw new ArgumentNullException(nameof(plan));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>The plan the desk works under.</summary>
    public MembershipPlan Plan => _plan;

    /// <summary>Today in the plan's time zone.</summary>
    public DateOnly Today => _plan.DateOf(_time.GetUtcNow());

    /// <summary>A first term of a tier (or a new one after the last membership lapsed or was refunded), starting today.</summary>
    /// <param name="memberId">The buyer.</param>
    /// <param name="tierId">The tier.</param>
    /// <param name="previous">The member's earlier membership, if any; it must not be active.</param>
    /// <param name="price">A negotiated price up to the tier's price; the tier's price when null.</param>
    /// <returns>The membership and its events: purchased, the grants, and promoter rights for a tier that grants them.</returns>
    /// <exception cref="UnknownMembershipTierException">The tier is not in the plan.</exception>
    /// <exception cref="MembershipRefusedException">The previous membership is still active or another member's, or the price is invalid.</exception>
    public MembershipChange Purchase(MemberId memberId, string tierId, Membership? previous = null, Money? price = null)
    {
        var tier = _plan[tierId];
        var op = Begin(previous, memberId);
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        if (previous is not null && previous.MemberId != memberId)
        {
            refusals.Add(new Refusal(ErrorCodes.EventOutOfOrder, $"The previous membership is member {previous.MemberId}'s, not {memberId}'s."));
        }

        if (op.State.Started && op.State.Status == MembershipStatus.Active)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipAlreadyActive, $"Member {memberId} is already a {op.State.TierId} member through {op.State.PaidThrough:yyyy-MM-dd}; renew or upgrade instead."));
        }

        var value = CheckPrice(tier, price, refusals);
        ThrowIfAny(refusals);
        var term = TermFrom(op.Today, tier);
        var applied = op.State.Started ? Money.Min(op.State.Credit, value) : Money.Zero(value.Currency);
        op.Emit(new MembershipPurchased(memberId, tier.Id, term, value - applied, applied, op.Now));
        GrantTerm(op, tier, term);
        return op.Finish();
    }

    /// <summary>
    /// Another term (续费). Renewed while active or inside the grace period, the new term starts where
    /// the paid terms end, so renewal never shortens a membership; later, it starts today. A scheduled
    /// tier change applies here.
    /// </summary>
    /// <param name="membership">The membership; active or expired, not refunded.</param>
    /// <param name="price">A negotiated price up to the tier's price; the tier's price when null.</param>
    /// <returns>The membership and its events.</returns>
    /// <exception cref="MembershipRefusedException">The membership was refunded (purchase anew instead), or the price is invalid.</exception>
    public MembershipChange Renew(Membership membership, Money? price = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var op = Begin(membership, membership.MemberId);
        var s = op.State;
        var tier = _plan[s.ScheduledTierId ?? s.TierId];
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        if (s.Status == MembershipStatus.Refunded)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipNotActive, $"Member {s.MemberId}'s membership was refunded; purchase a new one instead of renewing."));
        }

        var value = CheckPrice(tier, price, refusals);
        ThrowIfAny(refusals);
        var continues = s.Status == MembershipStatus.Active || op.Today < s.PaidThrough.AddDays(_plan.RenewalGraceDays);
        var term = TermFrom(continues ? s.PaidThrough : op.Today, tier);
        var applied = Money.Min(s.Credit, value);
        op.Emit(new MembershipRenewed(s.MemberId, tier.Id, term, value - applied, applied, op.Now));
        GrantTerm(op, tier, term);
        return op.Finish();
    }

    /// <summary>What an immediate upgrade to a dearer tier would cost today.</summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="tierId">The dearer tier.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="MembershipRefusedException">The membership is not active, or the tier is not dearer.</exception>
    public UpgradeQuote QuoteUpgrade(Membership membership, string tierId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var op = Begin(membership, membership.MemberId);
        var refusals = CheckUpgrade(op, tierId);
        ThrowIfAny(refusals);
        return Quote(op, _plan[tierId]);
    }

    /// <summary>
    /// Upgrades to a dearer tier (e.g. VIP → KA). Under <see cref="UpgradeTiming.Immediately"/> the member
    /// is credited for the unused part of what was paid minus consumed one-off entitlements, pays the rest
    /// of the new price, and the old grants are replaced by the new tier's; under
    /// <see cref="UpgradeTiming.AtTermEnd"/> the change is scheduled for the next renewal.
    /// </summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="tierId">The dearer tier.</param>
    /// <returns>The change, or every reason it was refused.</returns>
    public MembershipAttempt TryUpgrade(Membership membership, string tierId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(tierId);
        var op = Begin(membership, membership.MemberId);
        var refusals = CheckUpgrade(op, tierId);
        if (refusals.Count > 0)
        {
            return new MembershipAttempt(null, refusals.ToImmutable());
        }

        var s = op.State;
        var to = _plan[tierId];
        if (_plan.UpgradeTiming == UpgradeTiming.AtTermEnd)
        {
            op.Emit(new TierChangeScheduled(s.MemberId, to.Id, s.PaidThrough, op.Now));
            return new MembershipAttempt(op.Finish(), []);
        }

        var quote = Quote(op, to);
        RevokeAll(op);
        op.Emit(new UpgradeCredited(s.MemberId, quote.FromTierId, quote.Credit, quote.ConsumedValue, op.Now));
        op.Emit(new MembershipUpgraded(s.MemberId, quote.FromTierId, to.Id, quote.Term, quote.Price, quote.CreditApplied, quote.AmountDue, op.Now));
        GrantTerm(op, to, quote.Term);
        return new MembershipAttempt(op.Finish(), []);
    }

    /// <summary>Upgrades to a dearer tier; see <see cref="TryUpgrade(Membership, string)"/>.</summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="tierId">The dearer tier.</param>
    /// <returns>The change.</returns>
    /// <exception cref="MembershipRefusedException">The membership is not active, or the tier is not dearer.</exception>
    public MembershipChange Upgrade(Membership membership, string tierId) => TryUpgrade(membership, tierId).GetChangeOrThrow();

    /// <summary>Schedules a move to a cheaper tier; it takes effect at the end of the paid terms, at the next renewal.</summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="tierId">The cheaper tier.</param>
    /// <returns>The change.</returns>
    /// <exception cref="UnknownMembershipTierException">The tier is not in the plan.</exception>
    /// <exception cref="MembershipRefusedException">The membership is not active, or the tier is not cheaper.</exception>
    public MembershipChange Downgrade(Membership membership, string tierId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var to = _plan[tierId];
        var op = Begin(membership, membership.MemberId);
        var s = op.State;
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        RequireActive(op, refusals);
        if (to.Price >= _plan[s.TierId].Price)
        {
            refusals.Add(new Refusal(ErrorCodes.NotADowngrade, $"Tier '{to.Id}' ({to.Price}) is not cheaper than '{s.TierId}' ({_plan[s.TierId].Price}); upgrade instead."));
        }

        ThrowIfAny(refusals);
        op.Emit(new TierChangeScheduled(s.MemberId, to.Id, s.PaidThrough, op.Now));
        return op.Finish();
    }

    /// <summary>What cancelling today would refund.</summary>
    /// <param name="membership">An active membership.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="MembershipRefusedException">The membership is not active.</exception>
    public RefundQuote QuoteRefund(Membership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var op = Begin(membership, membership.MemberId);
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        RequireActive(op, refusals);
        ThrowIfAny(refusals);
        return RefundOf(op);
    }

    /// <summary>
    /// Cancels and refunds: inside the cooling-off window everything paid for the term minus the
    /// standalone value of consumed one-off entitlements; after it, the unused part minus that value.
    /// Terms paid ahead and credit are refunded in full. The refund never exceeds what was paid.
    /// </summary>
    /// <param name="membership">An active membership.</param>
    /// <returns>The change: the grants revoked, then the refund.</returns>
    /// <exception cref="MembershipRefusedException">The membership is not active.</exception>
    public MembershipChange Refund(Membership membership)
    {
        var quote = QuoteRefund(membership);
        var op = Begin(membership, membership.MemberId);
        RevokeAll(op);
        op.Emit(new MembershipRefunded(op.State.MemberId, quote.TierId, quote.Amount, quote.Basis, quote.ConsumedValue, op.Now));
        return op.Finish();
    }

    /// <summary>
    /// Uses an entitlement once today, from the grant that expires first. The idempotency key makes a
    /// repeated report of the same use (the same attendance twice) one use: the second call changes nothing.
    /// </summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="productId">The product used.</param>
    /// <param name="idempotencyKey">The integrator's key of the use, e.g. an attendance record id.</param>
    /// <returns>The change, or every reason it was refused.</returns>
    public MembershipAttempt TryConsume(Membership membership, string productId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var op = Begin(membership, membership.MemberId);
        var s = op.State;
        if (s.ProductOfKey(idempotencyKey) is { } used)
        {
            return used == productId
                ? new MembershipAttempt(op.Finish(), [])
                : new MembershipAttempt(null, [new Refusal(ErrorCodes.IdempotencyKeyConflict, $"The key '{idempotencyKey}' was already used to consume '{used}', not '{productId}'.")]);
        }

        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        RequireActive(op, refusals);
        int? chosen = null;
        var granted = false;
        for (var i = 0; i < s.Lots.Count; i++)
        {
            var lot = s.Lots[i];
            if (lot.ProductId != productId || !lot.Validity.Contains(op.Today))
            {
                continue;
            }

            granted = true;
            if ((lot.Quantity is null || lot.Consumed < lot.Quantity) && (chosen is null || lot.Validity.End < s.Lots[chosen.Value].Validity.End))
            {
                chosen = i;
            }
        }

        if (!granted)
        {
            refusals.Add(new Refusal(ErrorCodes.NotEntitled, $"Member {s.MemberId} has no entitlement to '{productId}' on {op.Today:yyyy-MM-dd}."));
        }
        else if (chosen is null)
        {
            refusals.Add(new Refusal(ErrorCodes.EntitlementExhausted, $"Member {s.MemberId} has used up the quota of '{productId}' for this term."));
        }

        if (refusals.Count > 0)
        {
            return new MembershipAttempt(null, refusals.ToImmutable());
        }

        op.Emit(new EntitlementConsumed(s.MemberId, productId, idempotencyKey, s.Lots[chosen!.Value].Validity, op.Today, op.Now));
        return new MembershipAttempt(op.Finish(), []);
    }

    /// <summary>Uses an entitlement once today; see <see cref="TryConsume(Membership, string, string)"/>.</summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="productId">The product used.</param>
    /// <param name="idempotencyKey">The integrator's key of the use.</param>
    /// <returns>The change (no events when the key was already used for the product).</returns>
    /// <exception cref="MembershipRefusedException">Not active, not entitled, quota used up, or the key was used for another product.</exception>
    public MembershipChange Consume(Membership membership, string productId, string idempotencyKey) =>
        TryConsume(membership, productId, idempotencyKey).GetChangeOrThrow();

    /// <summary>Brings a membership up to today: grants whose term ended expire, and the membership expires when its last paid term ended.</summary>
    /// <param name="membership">The membership.</param>
    /// <returns>The change; no events when nothing ended.</returns>
    public MembershipChange Refresh(Membership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return Begin(membership, membership.MemberId).Finish();
    }

    private Operation Begin(Membership? membership, MemberId memberId)
    {
        var now = _time.GetUtcNow();
        var op = new Operation(membership?.ToState() ?? new MembershipState(memberId), now, _plan.DateOf(now));
        var s = op.State;
        if (!s.Started)
        {
            return op;
        }

        for (var i = 0; i < s.Lots.Count;)
        {
            var lot = s.Lots[i];
            if (lot.Validity.End <= op.Today)
            {
                op.Emit(new EntitlementExpired(s.MemberId, lot.ProductId, lot.Validity, lot.Quantity - lot.Consumed, now)); // removes it
            }
            else
            {
                i++;
            }
        }

        if (s.Status == MembershipStatus.Active && s.PaidThrough <= op.Today)
        {
            op.Emit(new MembershipExpired(s.MemberId, s.TierId, s.PaidThrough, now));
        }

        return op;
    }

    private ImmutableArray<Refusal>.Builder CheckUpgrade(Operation op, string tierId)
    {
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        RequireActive(op, refusals);
        if (!_plan.TryGetTier(tierId, out var to))
        {
            refusals.Add(new Refusal(ErrorCodes.UnknownMembershipTier, $"The membership plan has no tier '{tierId}'."));
        }
        else if (op.State.Started && to.Price <= _plan[op.State.TierId].Price)
        {
            refusals.Add(new Refusal(ErrorCodes.NotAnUpgrade, $"Tier '{to.Id}' ({to.Price}) is not dearer than '{op.State.TierId}' ({_plan[op.State.TierId].Price}); a move to it is a downgrade, taken at term end."));
        }

        return refusals;
    }

    private static void RequireActive(Operation op, ImmutableArray<Refusal>.Builder refusals)
    {
        if (op.State.Status != MembershipStatus.Active)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipNotActive, $"Member {op.State.MemberId}'s membership is {op.State.Status.ToString().ToLowerInvariant()} on {op.Today:yyyy-MM-dd}."));
        }
    }

    private UpgradeQuote Quote(Operation op, MembershipTier to)
    {
        var s = op.State;
        var (credit, consumed) = Unused(op, coolingOff: false);
        var current = CurrentTerm(s, op.Today);
        TermPeriod term;
        Money price;
        if (_plan.UpgradeTerm == UpgradeTermPolicy.RestartTerm)
        {
            term = TermFrom(op.Today, to);
            price = to.Price;
        }
        else
        {
            term = new TermPeriod(op.Today, current.End);
            var reference = new TermPeriod(current.End.AddMonths(-to.TermMonths), current.End);
            price = Prorate(to.Price, reference, op.Today);
        }

        var available = credit + s.Credit;
        var applied = Money.Min(available, price);
        return new UpgradeQuote(s.TierId, to.Id, term, price, credit, consumed, applied, price - applied);
    }

    private RefundQuote RefundOf(Operation op)
    {
        var s = op.State;
        var (amount, consumed) = Unused(op, coolingOff: true);
        var basis = s.Terms.Exists(t => t.Period.Contains(op.Today) && op.Now < t.PaidAt.AddDays(_plan.CoolingOffDays)) ? RefundBasis.CoolingOff : RefundBasis.ProRata;
        return new RefundQuote(s.TierId, amount + s.Credit, basis, consumed);
    }

    /// <summary>The unused value of every paid term today, each clamped to [0, what the term was paid with], and the consumed value deducted.</summary>
    private (Money Unused, Money Consumed) Unused(Operation op, bool coolingOff)
    {
        var s = op.State;
        var zero = Money.Zero(s.Credit.Currency);
        var total = zero;
        var consumedTotal = zero;
        foreach (var term in s.Terms)
        {
            if (term.Period.End <= op.Today)
            {
                continue;
            }

            var consumed = zero;
            foreach (var lot in s.Lots)
            {
                if (lot.Validity == term.Period && lot.Quantity is not null)
                {
                    consumed += lot.UnitValue * lot.Consumed;
                }
            }

            var unused = term.Period.Start > op.Today || (coolingOff && op.Now < term.PaidAt.AddDays(_plan.CoolingOffDays))
                ? term.Value
                : Prorate(term.Value, term.Period, op.Today);
            total += Money.Max(zero, Money.Min(term.Value, unused - consumed));
            consumedTotal += consumed;
        }

        return (total, consumedTotal);
    }

    /// <summary>The part of <paramref name="value"/> for the time of <paramref name="period"/> from today on, split exactly by the plan's day count.</summary>
    private Money Prorate(Money value, TermPeriod period, DateOnly today)
    {
        var from = today < period.Start ? period.Start : today;
        long whole, unused;
        if (_plan.DayCount == DayCount.WholeMonths)
        {
            whole = WholeMonths(period.Start, period.End);
            unused = Math.Min(whole, WholeMonths(from, period.End));
        }
        else
        {
            whole = period.Days;
            unused = Math.Max(0, period.End.DayNumber - from.DayNumber);
        }

        if (whole <= 0 || unused <= 0)
        {
            return Money.Zero(value.Currency);
        }

        return value.Allocate([whole - unused, unused])[1];
    }

    private static long WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        while (months > 0 && from.AddMonths(months) > to)
        {
            months--;
        }

        return Math.Max(0, months);
    }

    private static TermPeriod CurrentTerm(MembershipState s, DateOnly today)
    {
        foreach (var term in s.Terms)
        {
            if (term.Period.Contains(today))
            {
                return term.Period;
            }
        }

        return s.Terms[^1].Period;
    }

    private static TermPeriod TermFrom(DateOnly start, MembershipTier tier) => new(start, start.AddMonths(tier.TermMonths));

    private void GrantTerm(Operation op, MembershipTier tier, TermPeriod term)
    {
        var s = op.State;
        foreach (var entitlement in tier.Entitlements)
        {
            op.Emit(new EntitlementGranted(s.MemberId, entitlement.Product.Id, entitlement.Quantity, entitlement.Product.Price, term, op.Now));
        }

        if (tier.GrantsPromotionRights && (!s.IsPromoter || s.ShoppingDiscount < tier.ShoppingDiscount))
        {
            op.Emit(new PromoterRightsGranted(s.MemberId, tier.Id, tier.ShoppingDiscount, op.Now));
        }
    }

    private static void RevokeAll(Operation op)
    {
        var s = op.State;
        while (s.Lots.Count > 0)
        {
            var lot = s.Lots[0];
            op.Emit(new EntitlementRevoked(s.MemberId, lot.ProductId, lot.Validity, lot.Quantity - lot.Consumed, op.Now));
        }
    }

    private Money CheckPrice(MembershipTier tier, Money? price, ImmutableArray<Refusal>.Builder refusals)
    {
        if (price is not { } value)
        {
            return tier.Price;
        }

        if (value.Currency != tier.Price.Currency || value.IsNegative || value > tier.Price)
        {
            refusals.Add(new Refusal(ErrorCodes.InvalidPayment, $"The price {value} for tier '{tier.Id}' must be in {tier.Price.Currency.Code}, not negative, and at most {tier.Price}."));
            return tier.Price;
        }

        return value;
    }

    private static void ThrowIfAny(ImmutableArray<Refusal>.Builder refusals)
    {
        if (refusals.Count > 0)
        {
            throw new MembershipRefusedException(refusals.ToImmutable());
        }
    }

    private sealed class Operation(MembershipState state, DateTimeOffset now, DateOnly today)
    {
        private readonly ImmutableArray<IMembershipEvent>.Builder _events = ImmutableArray.CreateBuilder<IMembershipEvent>();

        public MembershipState State { get; } = state;

        public DateTimeOffset Now { get; } = now;

        public DateOnly Today { get; } = today;

        public void Emit(IMembershipEvent e)
        {
            State.Apply(e);
            _events.Add(e);
        }

        public MembershipChange Finish() => new(Membership.Freeze(State), _events.ToImmutable());
    }
}
