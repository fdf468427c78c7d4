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
    /// <param name="priceReason">Why the term is sold below the tier's price (a discount or a complimentary term); required then, and recorded on the event.</param>
    /// <returns>The membership and its events: purchased, the grants, and promoter rights for a tier that grants them.</returns>
    /// <exception cref="UnknownMembershipTierException">The tier is not in the plan.</exception>
    /// <exception cref="MembershipRefusedException">
    /// The previous membership is still active, another member's or suspended, the price is invalid, or it is below
    /// the tier's price without a reason (<see cref="ErrorCodes.PriceReasonRequired"/>).
    /// </exception>
    public MembershipChange Purchase(MemberId memberId, string tierId, Membership? previous = null, Money? price = null, string? priceReason = null)
    {
        var tier = _plan[tierId];
        var op = Begin(previous, memberId);
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        if (previous is not null && previous.MemberId != memberId)
        {
            refusals.Add(new Refusal(ErrorCodes.EventOutOfOrder, $"The previous membership is member {previous.MemberId}'s, not {memberId}'s.", "previous"));
        }

        if (op.State.Started && op.State.Status == MembershipStatus.Active)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipAlreadyActive, $"Member {memberId} is already a {op.State.TierId} member through {op.State.PaidThrough:yyyy-MM-dd}; renew or upgrade instead.", "previous"));
        }

        RequireNotSuspended(op, refusals);
        var (value, reason) = CheckPrice(tier, price, priceReason, refusals);
        ThrowIfAny(refusals);
        var term = TermFrom(op.Today, tier);
        var applied = op.State.Started ? Money.Min(op.State.Credit, value) : Money.Zero(value.Currency);
        op.Emit(new MembershipPurchased(memberId, tier.Id, term, value - applied, applied, op.Now, reason));
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
    /// <param name="priceReason">Why the term is sold below the tier's price (a discount or a complimentary term); required then, and recorded on the event.</param>
    /// <returns>The membership and its events.</returns>
    /// <exception cref="MembershipRefusedException">
    /// The membership was refunded (purchase anew instead), the member is suspended, the price is invalid, or it is
    /// below the tier's price without a reason (<see cref="ErrorCodes.PriceReasonRequired"/>).
    /// </exception>
    public MembershipChange Renew(Membership membership, Money? price = null, string? priceReason = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var op = Begin(membership, membership.MemberId);
        var s = op.State;
        var tier = _plan[s.ScheduledTierId ?? s.TierId];
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        if (s.Status == MembershipStatus.Refunded)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipNotActive, $"Member {s.MemberId}'s membership was refunded; purchase a new one instead of renewing.", "membership"));
        }

        RequireNotSuspended(op, refusals);
        var (value, reason) = CheckPrice(tier, price, priceReason, refusals);
        ThrowIfAny(refusals);
        var continues = s.Status == MembershipStatus.Active || op.Today < s.PaidThrough.AddDays(_plan.RenewalGraceDays);
        var term = TermFrom(continues ? s.PaidThrough : op.Today, tier);
        var applied = Money.Min(s.Credit, value);
        op.Emit(new MembershipRenewed(s.MemberId, tier.Id, term, value - applied, applied, op.Now, reason));
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
    /// is credited for the unused part of what was paid (all of it inside the cooling-off window) minus consumed
    /// one-off entitlements, pays the rest of the new price, and the old grants are replaced by the new tier's;
    /// under <see cref="UpgradeTermPolicy.KeepTermEnd"/> each one-off quota is prorated to the part of a full term
    /// the upgrade pays for, rounded down; under
    /// <see cref="UpgradeTiming.AtTermEnd"/> the change is scheduled for the next renewal.
    /// </summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="tierId">The dearer tier.</param>
    /// <returns>The change, or every reason it was refused.</returns>
    public Attempt<MembershipChange> TryUpgrade(Membership membership, string tierId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(tierId);
        var op = Begin(membership, membership.MemberId);
        var refusals = CheckUpgrade(op, tierId);
        if (refusals.Count > 0)
        {
            return Refused(refusals.ToImmutable());
        }

        var s = op.State;
        var to = _plan[tierId];
        if (_plan.UpgradeTiming == UpgradeTiming.AtTermEnd)
        {
            op.Emit(new TierChangeScheduled(s.MemberId, to.Id, s.PaidThrough, op.Now));
            return Attempt<MembershipChange>.Success(op.Finish());
        }

        var quote = Quote(op, to);
        RevokeAll(op);
        op.Emit(new UpgradeCredited(s.MemberId, quote.FromTierId, quote.Credit, quote.ConsumedValue, op.Now));
        op.Emit(new MembershipUpgraded(s.MemberId, quote.FromTierId, to.Id, quote.Term, quote.Price, quote.CreditApplied, quote.AmountDue, op.Now));
        var (whole, paidFor) = UpgradeShare(to, quote.Term, op.Today);
        GrantTerm(op, to, quote.Term, whole, paidFor);
        return Attempt<MembershipChange>.Success(op.Finish());
    }

    /// <summary>Upgrades to a dearer tier; see <see cref="TryUpgrade(Membership, string)"/>.</summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="tierId">The dearer tier.</param>
    /// <returns>The change.</returns>
    /// <exception cref="MembershipRefusedException">The membership is not active, or the tier is not dearer.</exception>
    public MembershipChange Upgrade(Membership membership, string tierId) => TryUpgrade(membership, tierId).GetValueOrThrow();

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
            refusals.Add(new Refusal(ErrorCodes.NotADowngrade, $"Tier '{to.Id}' ({to.Price}) is not cheaper than '{s.TierId}' ({_plan[s.TierId].Price}); upgrade instead.", "tierId"));
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
    /// Terms paid ahead and credit are refunded in full, and so are promoter rights bought on top of the
    /// membership inside their cooling-off window. The refund never exceeds what was paid. Promoter rights
    /// end with the refund (<see cref="PromoterRightsRevoked"/>).
    /// </summary>
    /// <param name="membership">An active membership.</param>
    /// <returns>The change: the grants revoked, then the refund.</returns>
    /// <exception cref="MembershipRefusedException">The membership is not active.</exception>
    public MembershipChange Refund(Membership membership)
    {
        var quote = QuoteRefund(membership);
        var op = Begin(membership, membership.MemberId);
        RevokeAll(op);
        if (op.State.IsPromoter)
        {
            op.Emit(new PromoterRightsRevoked(op.State.MemberId, "The membership was refunded.", op.Now));
        }

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
    public Attempt<MembershipChange> TryConsume(Membership membership, string productId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var op = Begin(membership, membership.MemberId);
        var s = op.State;
        if (s.ProductOfKey(idempotencyKey) is { } used)
        {
            return used == productId
                ? Attempt<MembershipChange>.Success(op.Finish())
                : Refused([new Refusal(ErrorCodes.IdempotencyKeyConflict, $"The key '{idempotencyKey}' was already used to consume '{used}', not '{productId}'.", "idempotencyKey")]);
        }

        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        RequireActive(op, refusals);
        RequireNotSuspended(op, refusals);
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
            refusals.Add(new Refusal(ErrorCodes.NotEntitled, $"Member {s.MemberId} has no entitlement to '{productId}' on {op.Today:yyyy-MM-dd}.", "productId"));
        }
        else if (chosen is null)
        {
            refusals.Add(new Refusal(ErrorCodes.EntitlementExhausted, $"Member {s.MemberId} has used up the quota of '{productId}' for this term.", "productId"));
        }

        if (refusals.Count > 0)
        {
            return Refused(refusals.ToImmutable());
        }

        op.Emit(new EntitlementConsumed(s.MemberId, productId, idempotencyKey, s.Lots[chosen!.Value].Validity, op.Today, op.Now));
        return Attempt<MembershipChange>.Success(op.Finish());
    }

    /// <summary>Uses an entitlement once today; see <see cref="TryConsume(Membership, string, string)"/>.</summary>
    /// <param name="membership">An active membership.</param>
    /// <param name="productId">The product used.</param>
    /// <param name="idempotencyKey">The integrator's key of the use.</param>
    /// <returns>The change (no events when the key was already used for the product).</returns>
    /// <exception cref="MembershipRefusedException">Not active, not entitled, quota used up, or the key was used for another product.</exception>
    public MembershipChange Consume(Membership membership, string productId, string idempotencyKey) =>
        TryConsume(membership, productId, idempotencyKey).GetValueOrThrow();

    /// <summary>
    /// Suspends the member, e.g. for breaking group rules (规章制度): until <see cref="Reinstate(Membership, string)"/>,
    /// consuming entitlements, renewing, upgrading, buying a term and buying promoter rights are refused
    /// (<see cref="ErrorCodes.MembershipSuspended"/>). The paid term keeps running; a refund is still possible.
    /// </summary>
    /// <param name="membership">The membership, in any status.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The change, ending with <see cref="MembershipSuspended"/>.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="MembershipRefusedException">The member is already suspended (<see cref="ErrorCodes.SuspensionStateConflict"/>).</exception>
    public MembershipChange Suspend(Membership membership, string reason) =>
        Record(membership, reason, s => s.IsSuspended ? new Refusal(ErrorCodes.SuspensionStateConflict, $"Member {s.MemberId} is already suspended.", "membership") : null, (id, why, now) => new MembershipSuspended(id, why, now));

    /// <summary>Lifts a suspension: the membership can be used again.</summary>
    /// <param name="membership">A suspended membership.</param>
    /// <param name="reason">Why, e.g. the review that lifted it.</param>
    /// <returns>The change, ending with <see cref="MembershipReinstated"/>.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="MembershipRefusedException">The member is not suspended (<see cref="ErrorCodes.SuspensionStateConflict"/>).</exception>
    public MembershipChange Reinstate(Membership membership, string reason) =>
        Record(membership, reason, s => s.IsSuspended ? null : new Refusal(ErrorCodes.SuspensionStateConflict, $"Member {s.MemberId} is not suspended.", "membership"), (id, why, now) => new MembershipReinstated(id, why, now));

    /// <summary>
    /// Buys promoter rights on top of an active membership of another tier: a VIP or KA member buys the 399 gift
    /// pack (大礼包) and becomes a member-promoter with its shopping discount, keeping the membership. The rights
    /// last until revoked or the membership is refunded; a refund inside the cooling-off window returns their price.
    /// </summary>
    /// <param name="membership">An active membership, not suspended.</param>
    /// <param name="tierId">A tier that grants promotion rights, e.g. <see cref="SeedBusiness.GiftPackTier"/>.</param>
    /// <param name="price">A negotiated price up to the tier's price; the tier's price when null.</param>
    /// <param name="priceReason">Why the rights are sold below the tier's price; required then.</param>
    /// <returns>The change, ending with <see cref="PromoterRightsGranted"/> carrying what was paid.</returns>
    /// <exception cref="UnknownMembershipTierException">The tier is not in the plan.</exception>
    /// <exception cref="MembershipRefusedException">
    /// The membership is not active or suspended, the tier grants no promotion rights or the member already holds
    /// them at least at its discount (<see cref="ErrorCodes.PromoterRightsConflict"/>), or the price is invalid.
    /// </exception>
    public MembershipChange BuyPromoterRights(Membership membership, string tierId, Money? price = null, string? priceReason = null)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var tier = _plan[tierId];
        var op = Begin(membership, membership.MemberId);
        var s = op.State;
        var refusals = ImmutableArray.CreateBuilder<Refusal>();
        RequireActive(op, refusals);
        RequireNotSuspended(op, refusals);
        if (!tier.GrantsPromotionRights)
        {
            refusals.Add(new Refusal(ErrorCodes.PromoterRightsConflict, $"Tier '{tier.Id}' grants no promoter rights.", "tierId"));
        }
        else if (s.IsPromoter && s.ShoppingDiscount >= tier.ShoppingDiscount)
        {
            refusals.Add(new Refusal(ErrorCodes.PromoterRightsConflict, $"Member {s.MemberId} already holds promoter rights with a {s.ShoppingDiscount} shopping discount.", "membership"));
        }

        var (value, reason) = CheckPrice(tier, price, priceReason, refusals);
        ThrowIfAny(refusals);
        op.Emit(new PromoterRightsGranted(s.MemberId, tier.Id, tier.ShoppingDiscount, op.Now, value, reason));
        return op.Finish();
    }

    /// <summary>Ends a member-promoter's rights, e.g. for breaking the promotion rules; the membership itself is unchanged.</summary>
    /// <param name="membership">A membership holding promoter rights.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The change, ending with <see cref="PromoterRightsRevoked"/>.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="MembershipRefusedException">The member holds no promoter rights (<see cref="ErrorCodes.PromoterRightsConflict"/>).</exception>
    public MembershipChange RevokePromoterRights(Membership membership, string reason) =>
        Record(membership, reason, s => s.IsPromoter ? null : new Refusal(ErrorCodes.PromoterRightsConflict, $"Member {s.MemberId} holds no promoter rights.", "membership"), (id, why, now) => new PromoterRightsRevoked(id, why, now));

    /// <summary>Brings a membership up to today: grants whose term ended expire, and the membership expires when its last paid term ended.</summary>
    /// <param name="membership">The membership.</param>
    /// <returns>The change; no events when nothing ended.</returns>
    public MembershipChange Refresh(Membership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return Begin(membership, membership.MemberId).Finish();
    }

    /// <summary>Records one event that carries a reason, unless the membership's state conflicts with it.</summary>
    private MembershipChange Record(Membership membership, string reason, Func<MembershipState, Refusal?> conflict, Func<MemberId, string, DateTimeOffset, IMembershipEvent> recorded)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var op = Begin(membership, membership.MemberId);
        if (conflict(op.State) is { } refusal)
        {
            throw new MembershipRefusedException([refusal]);
        }

        op.Emit(recorded(op.State.MemberId, reason.Trim(), op.Now));
        return op.Finish();
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
        RequireNotSuspended(op, refusals);
        if (!_plan.TryGetTier(tierId, out var to))
        {
            refusals.Add(new Refusal(ErrorCodes.UnknownMembershipTier, $"The membership plan has no tier '{tierId}'.", "tierId"));
        }
        else if (op.State.Started && to.Price <= _plan[op.State.TierId].Price)
        {
            refusals.Add(new Refusal(ErrorCodes.NotAnUpgrade, $"Tier '{to.Id}' ({to.Price}) is not dearer than '{op.State.TierId}' ({_plan[op.State.TierId].Price}); a move to it is a downgrade, taken at term end.", "tierId"));
        }

        return refusals;
    }

    private static void RequireActive(Operation op, ImmutableArray<Refusal>.Builder refusals)
    {
        if (op.State.Status != MembershipStatus.Active)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipNotActive, $"Member {op.State.MemberId}'s membership is {op.State.Status.ToString().ToLowerInvariant()} on {op.Today:yyyy-MM-dd}.", "membership"));
        }
    }

    private UpgradeQuote Quote(Operation op, MembershipTier to)
    {
        var s = op.State;
        var (credit, consumed) = Unused(op, coolingOff: true); // inside cooling-off the whole payment carries over
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
        var rights = s.IsPromoter && op.Now < s.PromoterRightsPaidAt.AddDays(_plan.CoolingOffDays) ? s.PromoterRightsPaid : Money.Zero(s.Credit.Currency);
        return new RefundQuote(s.TierId, amount + s.Credit + rights, basis, consumed);
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
        var (whole, unused) = Share(period, today);
        if (whole <= 0 || unused <= 0)
        {
            return Money.Zero(value.Currency);
        }

        return value.Allocate([whole - unused, unused])[1];
    }

    /// <summary>The time of <paramref name="period"/> from today on, as a part of the whole period, by the plan's day count.</summary>
    private (long Whole, long Unused) Share(TermPeriod period, DateOnly today)
    {
        var from = today < period.Start ? period.Start : today;
        if (_plan.DayCount == DayCount.WholeMonths)
        {
            var months = WholeMonths(period.Start, period.End);
            return (months, Math.Min(months, WholeMonths(from, period.End)));
        }

        return (period.Days, Math.Max(0, period.End.DayNumber - from.DayNumber));
    }

    /// <summary>
    /// The part of a full term of <paramref name="to"/> that an upgrade's term pays for: all of it when the term
    /// restarts, else the time left over the full term that ends on the same day, as the price was prorated.
    /// </summary>
    private (long Whole, long PaidFor) UpgradeShare(MembershipTier to, TermPeriod term, DateOnly today) =>
        _plan.UpgradeTerm == UpgradeTermPolicy.RestartTerm
            ? (1, 1)
            : Share(new TermPeriod(term.End.AddMonths(-to.TermMonths), term.End), today);

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

    /// <summary>
    /// Grants a term's entitlements. A term that pays for only <paramref name="paidFor"/> of <paramref name="whole"/>
    /// parts of a full term gets each one-off quota prorated and rounded down, so the one-off value it grants per
    /// unit of price never exceeds a full term's; a quota that rounds to nothing is not granted. Unlimited use needs
    /// no proration: the term is already that much shorter.
    /// </summary>
    private void GrantTerm(Operation op, MembershipTier tier, TermPeriod term, long whole = 1, long paidFor = 1)
    {
        var s = op.State;
        foreach (var entitlement in tier.Entitlements)
        {
            var quantity = entitlement.Quantity is { } full && paidFor < whole ? (int)(full * Math.Max(0, paidFor) / whole) : entitlement.Quantity;
            if (quantity == 0)
            {
                continue;
            }

            op.Emit(new EntitlementGranted(s.MemberId, entitlement.Product.Id, quantity, entitlement.Product.Price, term, op.Now));
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

    /// <summary>The price to charge for a tier and the reason recorded with it: a price below the tier's needs a reason.</summary>
    private static (Money Price, string? Reason) CheckPrice(MembershipTier tier, Money? price, string? priceReason, ImmutableArray<Refusal>.Builder refusals)
    {
        var reason = string.IsNullOrWhiteSpace(priceReason) ? null : priceReason.Trim();
        if (price is not { } value)
        {
            return (tier.Price, reason);
        }

        if (value.Currency != tier.Price.Currency || value.IsNegative || value > tier.Price)
        {
            refusals.Add(new Refusal(ErrorCodes.InvalidPayment, $"The price {value} for tier '{tier.Id}' must be in {tier.Price.Currency.Code}, not negative, and at most {tier.Price}.", "price"));
            return (tier.Price, reason);
        }

        if (value < tier.Price && reason is null)
        {
            refusals.Add(new Refusal(ErrorCodes.PriceReasonRequired, $"The price {value} for tier '{tier.Id}' is below its price {tier.Price}; give priceReason (the discount or the complimentary term) to sell it for less.", "priceReason"));
        }

        return (value, reason);
    }

    private static void RequireNotSuspended(Operation op, ImmutableArray<Refusal>.Builder refusals)
    {
        if (op.State.IsSuspended)
        {
            refusals.Add(new Refusal(ErrorCodes.MembershipSuspended, $"Member {op.State.MemberId} is suspended; reinstate the member first.", "membership"));
        }
    }

    private static Attempt<MembershipChange> Refused(ImmutableArray<Refusal> refusals) =>
        Attempt<MembershipChange>.Refused(refusals, static r => new MembershipRefusedException(r));

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
            State.Apply(e, _events.Count);
            _events.Add(e);
        }

        public MembershipChange Finish() => new(Membership.Freeze(State), _events.ToImmutable());
    }
}
