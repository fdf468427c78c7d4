namespace CommunityModel.Referrals;

/// <summary>A member was bound to a sponsor under the configured <see cref="ReferralBindingMode"/>.</summary>
/// <param name="Member">The member.</param>
/// <param name="Sponsor">Its new sponsor.</param>
/// <param name="PreviousSponsor">The sponsor it had before (overriding modes only); <c>default</c> when none.</param>
/// <param name="OccurredAt">When the binding was made.</param>
public sealed record SponsorBound(MemberId Member, MemberId Sponsor, MemberId PreviousSponsor, DateTimeOffset OccurredAt) : IDomainEvent;
