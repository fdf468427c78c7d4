using CommunityModel.Commissions.Paying;

namespace CommunityModel.Commissions.Rules;

/// <summary>What receives the results of a <see cref="LevelWalk"/>.</summary>
internal interface ILevelWriter
{
    /// <summary>Level <paramref name="level"/> paid <paramref name="amount"/> to <paramref name="beneficiary"/>, reached after compressing past <paramref name="compressed"/> members above <paramref name="below"/>.</summary>
    void Paid(int level, int beneficiary, long amount, int below, int compressed);

    /// <summary>Level <paramref name="level"/> was forfeited because the upline at <paramref name="upline"/> may not earn.</summary>
    void Forfeited(int level, int upline, EarnerStatus status);
}
