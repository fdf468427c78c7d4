using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Volumes;

/// <summary>
/// The personal and team volume of every member of a <see cref="NetworkSnapshot"/> for one period, in minor
/// units by dense index. Immutable.
/// </summary>
/// <remarks>
/// Personal volume is the commissionable base of the member's own orders in the period minus the refunds
/// recorded in the period, never below zero. Team volume is the member's personal volume plus the team
/// volume of each direct referral: the whole downline's sales. It is computed bottom-up in one reverse loop
/// over the snapshot's indices (in pre-order a referral's index is above its sponsor's): O(n), 16 bytes per member.
/// </remarks>
public sealed class PeriodVolumes
{
    private readonly long[] _personal;
    private readonly long[] _team;

    private PeriodVolumes(NetworkSnapshot network, Currency currency, long[] personal)
    {
        Network = network;
        Currency = currency;
        _personal = personal;
        _team = (long[])personal.Clone();
        for (var i = personal.Length - 1; i > 0; i--)
        {
            var parent = network.ParentAt(i);
            if (parent >= 0)
            {
                _team[parent] += _team[i];
            }
        }
    }

    /// <summary>The network the volumes describe.</summary>
    public NetworkSnapshot Network { get; }

    /// <summary>The currency of every volume.</summary>
    public Currency Currency { get; }

    /// <summary>Creates volumes from each member's net personal volume by dense index (negative nets count as zero).</summary>
    /// <param name="network">The network.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <param name="personalMinorUnits">One net personal volume per member of <paramref name="network"/>, in minor units.</param>
    /// <returns>The volumes.</returns>
    /// <exception cref="CommissionException"><paramref name="personalMinorUnits"/> does not have one entry per member (<see cref="CommissionErrorCodes.SnapshotMismatch"/>).</exception>
    public static PeriodVolumes Create(NetworkSnapshot network, Currency currency, ReadOnlySpan<long> personalMinorUnits)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (personalMinorUnits.Length != network.Count)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"{personalMinorUnits.Length} personal volume(s) were given for a network of {network.Count} member(s); give one per member.");
        }

        var personal = new long[network.Count];
        for (var i = 0; i < personal.Length; i++)
        {
            personal[i] = Math.Max(0, personalMinorUnits[i]);
        }

        return new PeriodVolumes(network, currency, personal);
    }

    /// <summary>Creates volumes from the period's sales and refunds.</summary>
    /// <param name="network">The network.</param>
    /// <param name="currency">The currency of every entry.</param>
    /// <param name="entries">Sales and refunds, in any order.</param>
    /// <returns>The volumes.</returns>
    /// <exception cref="CommissionException">An entry is in another currency (<see cref="CommissionErrorCodes.OrderCurrency"/>).</exception>
    /// <exception cref="ReferralException">An entry names a member not in the network.</exception>
    public static PeriodVolumes FromEntries(NetworkSnapshot network, Currency currency, IEnumerable<VolumeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(entries);
        var net = new long[network.Count];
        foreach (var entry in entries)
        {
            if (entry.Amount.Currency != currency)
            {
                throw new CommissionException(CommissionErrorCodes.OrderCurrency, $"A volume entry of member {entry.Member} is in {entry.Amount.Currency.Code}; volumes are in {currency.Code}.");
            }

            var index = network.IndexOf(entry.Member);
            net[index] = checked(net[index] + entry.Amount.MinorUnits);
        }

        return Create(network, currency, net);
    }

    /// <summary>The personal volume of the member at a dense index.</summary>
    /// <param name="index">An index of <see cref="Network"/>.</param>
    /// <returns>The volume.</returns>
    public Money PersonalAt(int index) => Money.FromMinorUnits(_personal[index], Currency);

    /// <summary>The team volume (itself and its whole downline) of the member at a dense index.</summary>
    /// <param name="index">An index of <see cref="Network"/>.</param>
    /// <returns>The volume.</returns>
    public Money TeamAt(int index) => Money.FromMinorUnits(_team[index], Currency);

    /// <summary>The personal volume of a member.</summary>
    /// <param name="member">A member of <see cref="Network"/>.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public Money PersonalOf(MemberId member) => PersonalAt(Network.IndexOf(member));

    /// <summary>The team volume of a member.</summary>
    /// <param name="member">A member of <see cref="Network"/>.</param>
    /// <returns>The volume.</returns>
    /// <exception cref="ReferralException">The member is not in the network.</exception>
    public Money TeamOf(MemberId member) => TeamAt(Network.IndexOf(member));

    internal long PersonalMinorAt(int index) => _personal[index];

    internal long TeamMinorAt(int index) => _team[index];
}
