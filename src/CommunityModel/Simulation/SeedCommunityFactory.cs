using CommunityModel.Lifecycle;
using CommunityModel.MemberNumbers;
using CommunityModel.Memberships;
using CommunityModel.Referrals;

namespace CommunityModel.Simulation;

/// <summary>
/// Makes communities of the seed business (<see cref="SeedBusiness"/>: its catalog, its membership plan, the default
/// community rules), with the commissions a function makes for each one, or none.
/// </summary>
public sealed class SeedCommunityFactory : ISimulationCommunityFactory
{
    private readonly Func<TimeProvider, ICommunityCommissions>? _commissions;

    /// <summary>Creates a factory of seed communities without commissions: every commission is zero.</summary>
    public SeedCommunityFactory()
    {
        Description = "seed business, no commissions";
    }

    /// <summary>Creates a factory of seed communities with commissions.</summary>
    /// <param name="commissions">Makes the commissions of one community on the given clock; called once per community.</param>
    /// <param name="commissionsDescription">What the commissions are (e.g. the plan's name), for the assumptions.</param>
    public SeedCommunityFactory(Func<TimeProvider, ICommunityCommissions> commissions, string commissionsDescription)
    {
        _commissions = commissions ?? throw new ArgumentNullException(nameof(commissions));
        ArgumentException.ThrowIfNullOrWhiteSpace(commissionsDescription);
        Description = $"seed business, commissions: {commissionsDescription}";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Community Create(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new Community(
            new ValueChain(new ValueChainOptions(), timeProvider),
            new ReferralOptions(),
            new MemberNumberOptions(),
            timeProvider,
            catalog: SeedBusiness.CreateCatalog(),
            desk: new MembershipDesk(SeedBusiness.CreatePlan(), timeProvider),
            commissions: _commissions?.Invoke(timeProvider));
    }
}
