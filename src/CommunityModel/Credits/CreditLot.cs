namespace CommunityModel.Credits;

/// <summary>Credits earned by one order and not yet spent, expired or taken back; lots are spent oldest first.</summary>
/// <param name="OrderId">The order that earned the lot.</param>
/// <param name="Remaining">The credits left; always positive (an emptied lot leaves the account).</param>
/// <param name="EarnedAt">When the lot was earned.</param>
/// <param name="ExpiresAt">When the lot expires; <see langword="null"/> for never.</param>
public sealed record CreditLot(string OrderId, long Remaining, DateTimeOffset EarnedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the lot has expired at a moment.</summary>
    /// <param name="now">The moment.</param>
    /// <returns><see langword="true"/> from <see cref="ExpiresAt"/> on.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } end && end <= now;
}
