namespace CommunityModel.Commissions.Paying;

/// <summary>A level not paid because its upline may not earn and the plan forfeits it to the company.</summary>
/// <param name="Level">The level.</param>
/// <param name="Member">The upline at that level.</param>
/// <param name="Status">Its status: suspended or inactive, or lacking <see cref="EarnerStatus.Promoter"/> under a promoters-only plan.</param>
public readonly record struct ForfeitedLevel(int Level, MemberId Member, EarnerStatus Status);
