using CommunityModel.Commissions.Ledger;
using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.Api;

/// <summary>A member as the CRM shows them: stage, sponsor, membership with entitlements, commission balance.</summary>
/// <param name="Id">The member id.</param>
/// <param name="SponsorId">Who referred them, if anyone.</param>
/// <param name="Stage">Their stage on the value chain.</param>
/// <param name="StageVersion">The lifecycle version (one more per transition).</param>
/// <param name="StageEnteredAt">When they entered the stage.</param>
/// <param name="Membership">Their membership as of today, if they ever bought one.</param>
/// <param name="Commission">Their commission balance.</param>
public sealed record MemberView(
    MemberId Id,
    MemberId? SponsorId,
    LifecycleStage Stage,
    long StageVersion,
    DateTimeOffset StageEnteredAt,
    MembershipView? Membership,
    CommissionBalance Commission);
