namespace CommunityModel.Referrals;

/// <summary>
/// A member gained promoter rights (分享赚钱) other than by buying a gift pack: by a tier, the partner package or spending.
/// The referral network counts the member as a promoter from then on (<see cref="ReferralNetwork.IsPromoter"/>), and the
/// commission roster lets the member earn under a promoters-only plan. Rights do not lapse by themselves: only
/// <see cref="PromoterRevoked"/>, or the desk's revocation, ends them.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Basis">What qualified the member.</param>
/// <param name="Source">The order or tier that qualified the member (an order id, or the tier id).</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record PromoterQualified(MemberId Member, PromoterBasis Basis, string Source, DateTimeOffset OccurredAt) : IDomainEvent;
