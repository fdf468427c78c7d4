namespace CommunityModel.Credits;

/// <summary>An entry of the referral credits ledger (<see cref="ReferralCredits"/>): every credit earned, redeemed, expired or reversed.</summary>
public interface ICreditEvent : IDomainEvent
{
    /// <summary>The member whose credits changed.</summary>
    MemberId Member { get; }
}
