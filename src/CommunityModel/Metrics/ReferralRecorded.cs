namespace CommunityModel.Metrics;

/// <summary>
/// A member was brought in by another (转介绍): the referral share of new customers and the K-factor count it.
/// The referral events (a sponsor bound) map onto it.
/// </summary>
/// <param name="Referrer">Who referred.</param>
/// <param name="Referred">Who was referred; not the referrer.</param>
/// <param name="OccurredAt">When the referral was recorded.</param>
public sealed record ReferralRecorded(MemberId Referrer, MemberId Referred, DateTimeOffset OccurredAt) : IDomainEvent;
