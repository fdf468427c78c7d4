namespace CommunityModel;

/// <summary>
/// The stable error codes of <see cref="CommunityModelException"/> and its subclasses. Codes never
/// change meaning once published; new codes are only ever added.
/// </summary>
public static class ErrorCodes
{
    /// <summary>An operation mixed amounts of two different currencies.</summary>
    public const string CurrencyMismatch = "money.currency_mismatch";

    /// <summary>A currency code is not an ISO 4217 code that CommunityModel knows.</summary>
    public const string UnknownCurrency = "money.unknown_currency";

    /// <summary>An amount has more decimal places than its currency's minor unit allows.</summary>
    public const string AmountPrecision = "money.amount_precision";

    /// <summary>An amount does not fit the range of minor units CommunityModel can hold.</summary>
    public const string AmountOverflow = "money.amount_overflow";

    /// <summary>The weights or part count of an allocation are unusable (empty, negative or all zero).</summary>
    public const string InvalidAllocation = "money.invalid_allocation";

    // ----- Catalog and memberships (issue 4: src/CommunityModel/Catalog, src/CommunityModel/Memberships) -----

    /// <summary>A catalog definition is invalid: duplicate ids, negative prices, mixed currencies, bad price bands.</summary>
    public const string InvalidCatalog = "catalog.invalid";

    /// <summary>A product id is not in the catalog.</summary>
    public const string UnknownProduct = "catalog.unknown_product";

    /// <summary>A membership plan is invalid: unknown products or tiers, inclusion cycles, an unknown time zone, bad policy values.</summary>
    public const string InvalidMembershipPlan = "membership.invalid_plan";

    /// <summary>A membership tier id is not in the plan.</summary>
    public const string UnknownMembershipTier = "membership.unknown_tier";

    /// <summary>The operation needs a membership whose term covers today (not expired, not refunded).</summary>
    public const string MembershipNotActive = "membership.not_active";

    /// <summary>The membership is still active, so it cannot be purchased again; renew or upgrade it instead.</summary>
    public const string MembershipAlreadyActive = "membership.already_active";

    /// <summary>An upgrade must go to a dearer tier; a cheaper or equal tier is a downgrade, taken at term end.</summary>
    public const string NotAnUpgrade = "membership.not_an_upgrade";

    /// <summary>A downgrade must go to a cheaper tier.</summary>
    public const string NotADowngrade = "membership.not_a_downgrade";

    /// <summary>A payment is in the wrong currency, negative, or more than the price asked.</summary>
    public const string InvalidPayment = "membership.invalid_payment";

    /// <summary>An event belongs to another member, or does not follow from the state it is applied to.</summary>
    public const string EventOutOfOrder = "membership.event_out_of_order";

    /// <summary>The membership grants no entitlement to the product today.</summary>
    public const string NotEntitled = "membership.not_entitled";

    /// <summary>The entitlement's quota for the term is used up.</summary>
    public const string EntitlementExhausted = "membership.entitlement_exhausted";

    /// <summary>An idempotency key was already used to consume a different product.</summary>
    public const string IdempotencyKeyConflict = "membership.idempotency_key_conflict";
}
