using System.Collections.Immutable;
using System.Text.Json;
using CommunityModel.Referrals;

namespace CommunityModel;

/// <summary>
/// Everything a <see cref="Community"/> knows at one moment, to store and restore without replaying from the first
/// event: its members, orders and refunds, the referral network and, when commissions are plugged in or referral credits
/// kept, their state.
/// Round-trips through <see cref="Persistence.CommunityJsonContext"/>.
/// </summary>
/// <param name="Members">Every member.</param>
/// <param name="Orders">Every order, each member's in the order they were taken.</param>
/// <param name="Refunds">Every refund taken.</param>
/// <param name="Network">The referral network.</param>
/// <param name="Commissions">The commissions' own state (the ledger), as they write it; <see langword="null"/> without commissions.</param>
public sealed record CommunitySnapshot(
    ImmutableArray<CommunityMemberSnapshot> Members,
    ImmutableArray<CommunityOrder> Orders,
    ImmutableArray<CommunityRefund> Refunds,
    ReferralNetworkSnapshot Network,
    JsonElement? Commissions)
{
    /// <summary>The referral credits ledger's state; <see langword="null"/> when the community keeps no referral credits.</summary>
    public Credits.CreditsSnapshot? Credits { get; init; }

    /// <summary>
    /// Who organises each activity (<see cref="Roles.OrganiseActivity"/>): the latest event of each activity, by activity id; empty
    /// (or missing, in a snapshot written before activities had organisers) for none.
    /// </summary>
    public ImmutableArray<Roles.ActivityOrganised> Organisers { get; init; }
}
