using System.Collections.Immutable;

namespace CommunityModel.Referrals;

/// <summary>
/// Everything replaying a referral network's events builds, as a record to store (<see cref="ReferralNetwork.ToSnapshot"/>);
/// <see cref="ReferralNetwork.Restore"/> gives back a network that answers and decides exactly as the replayed one, so only
/// the events after the snapshot need replaying.
/// </summary>
/// <param name="Nodes">Every registered member, in registration order.</param>
/// <param name="Changes">The binding history (every <see cref="SponsorBound"/> and <see cref="SponsorReassigned"/>), oldest first.</param>
/// <param name="Promoters">The members holding promoter rights, as the network learnt them.</param>
/// <param name="EventCount">How many events the network applied (the index its replay errors count from).</param>
public sealed record ReferralNetworkSnapshot(
    ImmutableArray<ReferralNode> Nodes,
    ImmutableArray<SponsorChange> Changes,
    ImmutableArray<MemberId> Promoters,
    int EventCount);
