namespace CommunityModel.Memberships;

/// <summary>Defines one tier in code, inside <see cref="MembershipPlanBuilder.AddTier(string, string, Money, Action{MembershipTierBuilder})"/>.</summary>
public sealed class MembershipTierBuilder
{
    internal MembershipTierBuilder(MembershipTierOptions options) => Options = options;

    internal MembershipTierOptions Options { get; }

    /// <summary>Grants a product each term: a number of uses, or unlimited use when <paramref name="quantity"/> is null.</summary>
    /// <param name="productId">The catalog product.</param>
    /// <param name="quantity">Uses per term; null for unlimited.</param>
    /// <returns>This builder.</returns>
    public MembershipTierBuilder Entitle(string productId, int? quantity = null)
    {
        Options.Entitlements.Add(new EntitlementOptions { ProductId = productId, Quantity = quantity });
        return this;
    }

    /// <summary>Includes everything of a lower tier (KA includes VIP).</summary>
    /// <param name="tierId">The lower tier.</param>
    /// <returns>This builder.</returns>
    public MembershipTierBuilder Including(string tierId)
    {
        Options.Includes = tierId;
        return this;
    }

    /// <summary>Sets the term length; twelve months unless set.</summary>
    /// <param name="months">Months per term, 1 to 120.</param>
    /// <returns>This builder.</returns>
    public MembershipTierBuilder WithTermMonths(int months)
    {
        Options.TermMonths = months;
        return this;
    }

    /// <summary>Makes buyers member-promoters with a shopping discount (the gift pack: 自用省钱, 分享赚钱).</summary>
    /// <param name="shoppingDiscount">The discount, e.g. 10%.</param>
    /// <returns>This builder.</returns>
    public MembershipTierBuilder GrantingPromotionRights(Rate shoppingDiscount)
    {
        Options.GrantsPromotionRights = true;
        Options.ShoppingDiscount = shoppingDiscount;
        return this;
    }
}
