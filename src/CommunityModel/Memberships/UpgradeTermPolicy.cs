namespace CommunityModel.Memberships;

/// <summary>Which term an immediate upgrade buys.</summary>
public enum UpgradeTermPolicy
{
    /// <summary>
    /// The upgraded membership ends when the current term would have ended; the member pays the new
    /// tier's price for the remaining part of the term, less the credit (the way Stripe Billing
    /// prorates a mid-period price change).
    /// </summary>
    KeepTermEnd,

    /// <summary>A full new term of the new tier starts on the day of the upgrade; the member pays its full price, less the credit.</summary>
    RestartTerm,
}
