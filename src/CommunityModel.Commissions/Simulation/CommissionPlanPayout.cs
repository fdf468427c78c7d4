using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Metrics.Simulation;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Simulation;

/// <summary>
/// Pays a growth simulation's sales through a real <see cref="CommissionPlan"/>, with the
/// <see cref="CommissionCalculator"/>, and reports the payout cap of a <see cref="ComplianceProfile"/>.
/// </summary>
/// <remarks>
/// A simulation counts people, not who referred whom, so every sale is priced as if the buyer had a full upline
/// of active earners: the most the plan can pay on it. The order line carries the product's name as its product
/// id and, for the four ladder products, as its ladder tier, so the plan's product and tier overrides and
/// exclusions apply; membership fees carry the order kind <c>membership</c>. A plan that pays on margin is given a
/// cost of zero (again the most it can pay). Stateless and thread-safe.
/// </remarks>
public sealed class CommissionPlanPayout : ICommissionPayout
{
    /// <summary>The order kind of simulated membership fees (new, renewed and upgraded memberships).</summary>
    public const string MembershipKind = "membership";

    private static readonly MemberId Buyer = new(CommissionPlan.MaxLevels + 1);

    private readonly CommissionCalculator _calculator;
    private readonly NetworkSnapshot _chain;

    /// <summary>Creates the payout of a plan, with no payout cap.</summary>
    /// <param name="plan">The plan to pay by.</param>
    public CommissionPlanPayout(CommissionPlan plan)
        : this(plan, null)
    {
    }

    /// <summary>Creates the payout of a plan held to a compliance profile's payout cap.</summary>
    /// <param name="plan">The plan to pay by.</param>
    /// <param name="profile">The profile whose <see cref="ComplianceProfile.PayoutCap"/> is reported; <see langword="null"/> for no cap.</param>
    public CommissionPlanPayout(CommissionPlan plan, ComplianceProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _calculator = new CommissionCalculator(plan);
        Profile = profile;

        // Member 1 sponsors 2, ... up to the buyer: an upline as deep as any plan may pay.
        var links = new ReferralLink[CommissionPlan.MaxLevels + 1];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = new ReferralLink(new MemberId(i + 1), i == 0 ? default : new MemberId(i));
        }

        _chain = NetworkSnapshot.Create(links);
    }

    /// <summary>The plan paid by.</summary>
    public CommissionPlan Plan => _calculator.Plan;

    /// <summary>The compliance profile whose cap is reported; <see langword="null"/> when none.</summary>
    public ComplianceProfile? Profile { get; }

    /// <inheritdoc/>
    public string Name => Profile is null ? Plan.Name : $"{Plan.Name} ({Profile.Name})";

    /// <inheritdoc/>
    public Rate? PayoutCap => Profile?.PayoutCap;

    /// <inheritdoc/>
    /// <exception cref="CommissionException">The price is not in the plan's currency (code <c>commissions.order_currency</c>).</exception>
    public Money CommissionOn(SimulatedProduct product, Money unitPrice)
    {
        var ladder = product is SimulatedProduct.LeadMagnet or SimulatedProduct.Entry or SimulatedProduct.HighTicket or SimulatedProduct.Premium;
        var order = new CommissionableOrder($"simulated-{product}", Buyer, unitPrice)
        {
            ProductId = product.ToString(),
            LadderTier = ladder ? product.ToString() : null,
            Kind = ladder ? null : MembershipKind,
            Cost = Plan.Base == CommissionBase.AmountPaid ? null : Money.Zero(unitPrice.Currency),
        };
        return _calculator.Calculate(order, _chain).TotalPaid;
    }
}
