using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Simulation;

namespace CommunityModel.Commissions.Simulation;

/// <summary>
/// Makes the seed communities a growth simulation drives with commissions plugged in: each community gets its own
/// <see cref="CommunityCommissions"/> over the plan's calculator and a fresh <see cref="CommissionLedger"/> on the
/// simulation's clock, so every paid order accrues through the one pipeline and every refund reverses it, exactly
/// as in a live community. <c>AddCommissions</c> registers one over the registered plan.
/// </summary>
public sealed class CommissionedCommunityFactory : ISimulationCommunityFactory
{
    private readonly SeedCommunityFactory _communities;

    /// <summary>Creates the factory.</summary>
    /// <param name="plan">The commission plan to pay by.</param>
    /// <param name="ledger">The ledger's options (freeze period, ...); the defaults when <see langword="null"/>.</param>
    public CommissionedCommunityFactory(CommissionPlan plan, LedgerOptions? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        var calculator = new CommissionCalculator(plan);
        var ledgerOptions = ledger ?? new LedgerOptions();
        _communities = new SeedCommunityFactory(time => new CommunityCommissions(calculator, new CommissionLedger(ledgerOptions, time)), $"plan '{plan.Name}'");
    }

    /// <summary>The plan commissions are paid by.</summary>
    public CommissionPlan Plan { get; }

    /// <inheritdoc/>
    public string Description => _communities.Description;

    /// <inheritdoc/>
    public Community Create(TimeProvider timeProvider) => _communities.Create(timeProvider);
}
