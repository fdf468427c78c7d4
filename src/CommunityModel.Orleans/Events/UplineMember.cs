using CommunityModel.Commissions.Paying;

namespace CommunityModel.Orleans.Events;

/// <summary>One member of a buyer's upline as it was when an order was paid: its sponsor and whether it could earn.</summary>
/// <param name="Member">The member.</param>
/// <param name="Sponsor">Its sponsor then; <c>default</c> for the top of the upline.</param>
/// <param name="Status">Its earner status then (promoter, suspended, ...).</param>
public readonly record struct UplineMember(MemberId Member, MemberId Sponsor, EarnerStatus Status);
