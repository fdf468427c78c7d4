using System.Runtime.InteropServices;

namespace CommunityModel.Memberships;

/// <summary>
/// The mutable working copy behind <see cref="Membership"/>: events are folded into it one by one and
/// it is frozen once, so replaying a long history allocates one membership, not one per event.
/// </summary>
internal sealed class MembershipState
{
    public MemberId MemberId;
    public string TierId = "";
    public MembershipStatus Status;
    public bool Started;
    public readonly List<PaidTerm> Terms = new(2);
    public readonly List<EntitlementLot> Lots = new(8);
    public readonly List<KeyValuePair<string, string>> Keys = new(4);
    public DateOnly PaidThrough;
    public Money Credit;
    public Money TotalPaid;
    public Money TotalRefunded;
    public string? ScheduledTierId;
    public bool IsPromoter;
    public Rate ShoppingDiscount;
    public bool IsSuspended;
    public Money PromoterRightsPaid;
    public DateTimeOffset PromoterRightsPaidAt;

    public MembershipState(MemberId memberId) => MemberId = memberId;

    /// <summary>Empties the working copy for another member, keeping the lists' storage.</summary>
    public void Reset(MemberId memberId)
    {
        MemberId = memberId;
        TierId = "";
        Status = default;
        Started = false;
        Terms.Clear();
        Lots.Clear();
        Keys.Clear();
        PaidThrough = default;
        Credit = TotalPaid = TotalRefunded = default;
        ScheduledTierId = null;
        IsPromoter = false;
        ShoppingDiscount = default;
        IsSuspended = false;
        PromoterRightsPaid = default;
        PromoterRightsPaidAt = default;
    }

    /// <summary>Folds one event in; <paramref name="index"/> is its position in the events being replayed, for the error.</summary>
    public void Apply(IMembershipEvent e, int index)
    {
        if (e.MemberId != MemberId)
        {
            throw OutOfOrder(index, e, $"{e.GetType().Name} is for member {e.MemberId}, not {MemberId}");
        }

        if (!Started && e is not MembershipPurchased)
        {
            throw OutOfOrder(index, e, $"A membership starts with {nameof(MembershipPurchased)}, not {e.GetType().Name}");
        }

        if (MoneyProblem(e) is { } problem)
        {
            throw OutOfOrder(index, e, problem);
        }

        switch (e)
        {
            case EntitlementGranted g:
                Lots.Add(new EntitlementLot(g.ProductId, g.Quantity, 0, g.UnitValue, g.Validity));
                break;
            case EntitlementConsumed c:
                var used = Find(c.ProductId, c.Validity, c, index);
                var lot = Lots[used];
                if (lot.Quantity is { } quota && lot.Consumed >= quota)
                {
                    throw OutOfOrder(index, e, $"{nameof(EntitlementConsumed)} for '{c.ProductId}' goes beyond its quota of {quota}");
                }

                Lots[used] = lot with { Consumed = lot.Consumed + 1 };
                Keys.Add(new(c.IdempotencyKey, c.ProductId));
                break;
            case EntitlementRevoked r:
                Lots.RemoveAt(Find(r.ProductId, r.Validity, r, index));
                break;
            case EntitlementExpired x:
                Lots.RemoveAt(Find(x.ProductId, x.Validity, x, index));
                break;
            case MembershipPurchased p:
                if (!Started)
                {
                    Credit = TotalPaid = TotalRefunded = PromoterRightsPaid = Money.Zero(p.Paid.Currency);
                    Started = true;
                }

                Terms.Clear();
                AddTerm(p.TierId, p.Term, p.Paid, p.CreditApplied, p.OccurredAt);
                break;
            case MembershipRenewed r:
                if (r.Term.Start != PaidThrough)
                {
                    Terms.Clear();
                }

                AddTerm(r.TierId, r.Term, r.Paid, r.CreditApplied, r.OccurredAt);
                break;
            case UpgradeCredited c:
                Terms.Clear();
                Credit += c.Credit;
                break;
            case MembershipUpgraded u:
                Terms.Clear();
                AddTerm(u.ToTierId, u.Term, u.Charged, u.CreditApplied, u.OccurredAt);
                break;
            case TierChangeScheduled s:
                ScheduledTierId = s.ToTierId;
                break;
            case MembershipRefunded f:
                Status = MembershipStatus.Refunded;
                Terms.Clear();
                Credit = Money.Zero(Credit.Currency);
                TotalRefunded += f.Amount;
                ScheduledTierId = null;
                EndPromoterRights(); // the desk records PromoterRightsRevoked first; older histories end them here
                break;
            case MembershipExpired:
                Status = MembershipStatus.Expired; // promoter rights outlive the term: they end only when revoked or refunded
                break;
            case PromoterRightsGranted g:
                IsPromoter = true;
                ShoppingDiscount = Rate.Max(ShoppingDiscount, g.ShoppingDiscount);
                if (g.Paid is { } paid)
                {
                    TotalPaid += paid;
                    PromoterRightsPaid = paid;
                    PromoterRightsPaidAt = g.OccurredAt;
                }

                break;
            case PromoterRightsRevoked:
                EndPromoterRights();
                break;
            case MembershipSuspended:
                if (IsSuspended)
                {
                    throw OutOfOrder(index, e, $"{nameof(MembershipSuspended)} for member {MemberId}, who is already suspended");
                }

                IsSuspended = true;
                break;
            case MembershipReinstated:
                if (!IsSuspended)
                {
                    throw OutOfOrder(index, e, $"{nameof(MembershipReinstated)} for member {MemberId}, who is not suspended");
                }

                IsSuspended = false;
                break;
            default:
                throw OutOfOrder(index, e, $"{e.GetType().Name} is not a membership event this version knows");
        }
    }

    // What the desk would never have written: amounts below zero, in another currency, credit applied beyond the credit
    // held, a refund beyond what is left of the cash paid. A stored stream that carries one was tampered with or corrupted,
    // and replaying it could create money, so it is refused like any event out of order.
    private string? MoneyProblem(IMembershipEvent e)
    {
        var currency = Started ? TotalPaid.Currency : (e as MembershipPurchased)?.Paid.Currency ?? default;
        return e switch
        {
            MembershipPurchased p => Cash("paid", p.Paid, currency) ?? Applied(p.CreditApplied, currency),
            MembershipRenewed r => Cash("paid", r.Paid, currency) ?? Applied(r.CreditApplied, currency),
            MembershipUpgraded u => Cash("price", u.Price, currency) ?? Cash("charged", u.Charged, currency) ?? Applied(u.CreditApplied, currency)
                ?? (u.Charged + u.CreditApplied != u.Price ? $"charges {u.Charged} with {u.CreditApplied} of credit for a price of {u.Price}; charge and credit make up the price" : null),
            UpgradeCredited c => Cash("credit", c.Credit, currency) ?? Cash("consumed value", c.ConsumedValue, currency)
                ?? (c.Credit > TermsValue() ? $"credits {c.Credit} for terms worth {TermsValue()}; credit is at most what the terms are worth" : null),
            MembershipRefunded f => Cash("refund", f.Amount, currency) ?? Cash("consumed value", f.ConsumedValue, currency)
                ?? (f.Amount > TotalPaid - TotalRefunded ? $"refunds {f.Amount} of the {TotalPaid - TotalRefunded} left of what was paid" : null),
            PromoterRightsGranted { Paid: { } paid } => Cash("paid for promoter rights", paid, currency) ?? Discount(((PromoterRightsGranted)e).ShoppingDiscount),
            PromoterRightsGranted g => Discount(g.ShoppingDiscount),
            EntitlementGranted g => Cash("unit value", g.UnitValue, currency) ?? (g.Quantity is < 1 ? $"grants {g.Quantity} of '{g.ProductId}'; a quota is at least 1" : null),
            _ => null,
        };

        static string? Cash(string what, Money amount, Currency currency) =>
            amount.IsNegative ? $"the {what} {amount} is negative"
            : amount.Currency != currency ? $"the {what} {amount} is not in the membership's currency {currency.Code}"
            : null;

        string? Applied(Money credit, Currency currency) =>
            Cash("credit applied", credit, currency)
            ?? (credit.IsPositive && (!Started || credit > Credit) ? $"applies {credit} of credit, and the membership holds {(Started ? Credit : Money.Zero(currency))}" : null);

        static string? Discount(Rate rate) =>
            rate < Rate.Zero || rate > Rate.FromPercent(100) ? $"the shopping discount {rate} is not between 0% and 100%" : null;
    }

    private Money TermsValue()
    {
        var value = Money.Zero(TotalPaid.Currency);
        foreach (var term in Terms)
        {
            value += term.Value;
        }

        return value;
    }

    private void EndPromoterRights()
    {
        IsPromoter = false;
        ShoppingDiscount = default;
        PromoterRightsPaid = Money.Zero(Credit.Currency);
        PromoterRightsPaidAt = default;
    }

    public string? ProductOfKey(string key)
    {
        foreach (var pair in Keys)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>A paid term joins the run: it is worth the cash plus the credit applied, and the membership is active through its end.</summary>
    private void AddTerm(string tierId, TermPeriod term, Money cash, Money creditApplied, DateTimeOffset paidAt)
    {
        Terms.Add(new PaidTerm(tierId, term, cash + creditApplied, paidAt));
        TierId = tierId;
        Status = MembershipStatus.Active;
        PaidThrough = term.End;
        ScheduledTierId = null;
        Credit -= creditApplied;
        TotalPaid += cash;
    }

    private int Find(string productId, TermPeriod validity, IMembershipEvent e, int index)
    {
        var lots = CollectionsMarshal.AsSpan(Lots);
        for (var i = 0; i < lots.Length; i++)
        {
            ref readonly var lot = ref lots[i];
            if (lot.Validity == validity && string.Equals(lot.ProductId, productId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw OutOfOrder(index, e, $"{e.GetType().Name} names a grant of '{productId}' for {validity} that the ledger does not hold");
    }

    private static ReplayException OutOfOrder(int index, IMembershipEvent e, string problem) =>
        new(ErrorCodes.EventOutOfOrder, index, e, problem);
}
