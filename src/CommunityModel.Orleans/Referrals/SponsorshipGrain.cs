using CommunityModel.Orleans.Members;

namespace CommunityModel.Orleans.Referrals;

/// <summary>Serialises bindings: Orleans runs one call at a time on this activation, and the member decides.</summary>
internal sealed class SponsorshipGrain : Grain, ISponsorshipGrain
{
    public Task<CommandOutcome> Bind(long member, long sponsor) => GrainFactory.GetGrain<IMemberGrain>(member).Bind(sponsor);
}
