using CommunityModel.Orleans.Members;

namespace CommunityModel.Orleans.Referrals;

/// <summary>
/// Where bindings after registration go (one grain, key 0): it lets one binding at a time walk the network, so two
/// bindings that would together close a cycle (A under B while B goes under A) cannot both pass their checks.
/// Registrations need no such turn: a new member has no downline, so binding it at registration cannot close a cycle.
/// </summary>
[Alias("communitymodel.sponsorship")]
public interface ISponsorshipGrain : IGrainWithIntegerKey
{
    /// <summary>Binds <paramref name="member"/> to <paramref name="sponsor"/> (see <see cref="IMemberGrain.Bind"/>).</summary>
    /// <param name="member">The member.</param>
    /// <param name="sponsor">Its new sponsor.</param>
    /// <returns>Accepted, or refused with the referral network's codes.</returns>
    [Alias("bind")]
    Task<CommandOutcome> Bind(long member, long sponsor);
}
