using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// The <see cref="EarnerStatus"/> of every member of a <see cref="NetworkSnapshot"/>, one byte per member
/// by dense index: the calculator reads it to skip uplines that may not earn. Immutable.
/// </summary>
public sealed class EarnerRoster
{
    private readonly byte[] _statuses;

    private EarnerRoster(NetworkSnapshot network, byte[] statuses)
    {
        Network = network;
        _statuses = statuses;
    }

    /// <summary>The network the roster describes.</summary>
    public NetworkSnapshot Network { get; }

    /// <summary>A roster where every member is active and none is a designated promoter.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The roster.</returns>
    public static EarnerRoster AllActive(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new(network, new byte[network.Count]);
    }

    /// <summary>A roster with the given statuses; members not named are active non-promoters.</summary>
    /// <param name="network">The network.</param>
    /// <param name="statuses">Statuses by member.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ReferralException">A member named is not in the network.</exception>
    public static EarnerRoster Create(NetworkSnapshot network, IEnumerable<KeyValuePair<MemberId, EarnerStatus>> statuses)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(statuses);
        var bytes = new byte[network.Count];
        foreach (var (member, status) in statuses)
        {
            bytes[network.IndexOf(member)] = (byte)status;
        }

        return new(network, bytes);
    }

    /// <summary>
    /// This roster with every member's <see cref="EarnerStatus.Unqualified"/> flag set from the period's volumes: set when
    /// the plan asks for a personal volume to earn (<see cref="CommissionPlan.MinPersonalVolumeToEarn"/>) and the member's
    /// personal volume is below it, cleared otherwise. Other flags are kept. The month-end run qualifies its roster the same way.
    /// </summary>
    /// <param name="volumes">The period's volumes over <see cref="Network"/>, e.g. from <see cref="PeriodVolumes.FromEntries"/>.</param>
    /// <param name="plan">The plan whose qualification applies.</param>
    /// <returns>The qualified roster (a new one; this roster is unchanged).</returns>
    /// <exception cref="CommissionException">The volumes describe another network, or are in another currency than the plan (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    public EarnerRoster Qualify(PeriodVolumes volumes, CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(plan);
        if (volumes.Network != Network || volumes.Currency != plan.Currency)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The volumes describe another network than the roster's, or are in {volumes.Currency.Code} while plan '{plan.Name}' pays in {plan.Currency.Code}.");
        }

        var bytes = (byte[])_statuses.Clone();
        var minimum = plan.MinPersonalVolumeToEarn?.MinorUnits;
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)QualifiedStatus((EarnerStatus)bytes[i], volumes.PersonalMinorAt(i), minimum);
        }

        return new(Network, bytes);
    }

    /// <summary>A status with its <see cref="EarnerStatus.Unqualified"/> flag set when a minimum personal volume is required and not reached.</summary>
    internal static EarnerStatus QualifiedStatus(EarnerStatus status, long personalMinorUnits, long? minimumMinorUnits) =>
        minimumMinorUnits is { } minimum && personalMinorUnits < minimum ? status | EarnerStatus.Unqualified : status & ~EarnerStatus.Unqualified;

    /// <summary>The status of the member at a dense index.</summary>
    /// <param name="index">An index of <see cref="Network"/>.</param>
    /// <returns>The status.</returns>
    public EarnerStatus StatusAt(int index) => (EarnerStatus)_statuses[index];

    /// <summary>The status of a member.</summary>
    /// <param name="member">A member of <see cref="Network"/>.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public EarnerStatus StatusOf(MemberId member) => StatusAt(Network.IndexOf(member));
}
