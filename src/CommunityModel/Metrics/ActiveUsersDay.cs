namespace CommunityModel.Metrics;

/// <summary>Active members on one local day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Dau">Distinct members active on the day.</param>
/// <param name="Wau">Distinct members active in the 7 days ending on the day (rolling).</param>
/// <param name="Mau">Distinct members active in the 30 days ending on the day (rolling).</param>
public sealed record ActiveUsersDay(DateOnly Day, long Dau, long Wau, long Mau)
{
    /// <summary>Stickiness, DAU ÷ MAU: how many of the month's active members came on this day; null when MAU is 0.</summary>
    public Rate? DauOverMau => Mau == 0 ? null : Rate.Of(Dau, Mau);
}
