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
