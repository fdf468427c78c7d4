using CommunityModel.Catalog;

namespace CommunityModel.Memberships;

/// <summary>Defines a membership plan in code; <see cref="Build(ProductCatalog)"/> checks it with the same rules as configuration.</summary>
public sealed class MembershipPlanBuilder
{
    /// <summary>Starts an empty plan with the default policies.</summary>
    public MembershipPlanBuilder()
        : this(new MembershipOptions())
    {
    }

    internal MembershipPlanBuilder(MembershipOptions options) => Options = options;

    internal MembershipOptions Options { get; }

    /// <summary>Adds a tier.</summary>
    /// <param name="id">The unique id.</param>
    /// <param name="name">A display name.</param>
    /// <param name="price">The price per term.</param>
    /// <param name="configure">Adds the entitlements, inclusion and term.</param>
    /// <returns>This builder.</returns>
    public MembershipPlanBuilder AddTier(string id, string name, Money price, Action<MembershipTierBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var tier = new MembershipTierOptions { Id = id, Name = name, Price = price };
        configure(new MembershipTierBuilder(tier));
        Options.Tiers.Add(tier);
        return this;
    }

    /// <summary>Sets the time zone of term dates.</summary>
    /// <param name="timeZoneId">An IANA id such as <c>Asia/Shanghai</c>.</param>
    /// <returns>This builder.</returns>
    public MembershipPlanBuilder WithTimeZone(string timeZoneId)
    {
        Options.TimeZone = timeZoneId;
        return this;
    }

    /// <summary>Sets the renewal grace period and the cooling-off window.</summary>
    /// <param name="renewalGraceDays">Days after a term ends during which a renewal continues it.</param>
    /// <param name="coolingOffDays">Days after a payment during which a cancellation refunds it in full, minus consumption.</param>
    /// <returns>This builder.</returns>
    public MembershipPlanBuilder WithWindows(int renewalGraceDays, int coolingOffDays)
    {
        Options.RenewalGraceDays = renewalGraceDays;
        Options.CoolingOffDays = coolingOffDays;
        return this;
    }

    /// <summary>Sets the upgrade policy.</summary>
    /// <param name="timing">At once, or at term end.</param>
    /// <param name="term">Keep the term end (prorated price) or restart a full term.</param>
    /// <param name="dayCount">How unused time is measured.</param>
    /// <returns>This builder.</returns>
    public MembershipPlanBuilder WithUpgrades(UpgradeTiming timing, UpgradeTermPolicy term = UpgradeTermPolicy.KeepTermEnd, DayCount dayCount = DayCount.ActualDays)
    {
        Options.UpgradeTiming = timing;
        Options.UpgradeTerm = term;
        Options.DayCount = dayCount;
        return this;
    }

    /// <summary>Adds the seed business's tiers: VIP, KA and the gift pack (see <see cref="SeedBusiness"/>).</summary>
    /// <returns>This builder.</returns>
    public MembershipPlanBuilder UseSeedBusiness()
    {
        SeedBusiness.AddTiers(this);
        return this;
    }

    /// <summary>Creates the plan over a catalog.</summary>
    /// <param name="catalog">The catalog the tiers refer to.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="MembershipPlanException">The definition is invalid; every problem is named.</exception>
    public MembershipPlan Build(ProductCatalog catalog) => MembershipPlan.Create(catalog, Options);
}
