namespace CommunityModel.Commissions.Staff;

/// <summary>Builds a <see cref="StaffSchedule"/> in code; the same validation as options bound from configuration.</summary>
public sealed class StaffScheduleBuilder
{
    private readonly StaffScheduleOptions _options;

    /// <summary>Starts a schedule.</summary>
    /// <param name="name">The schedule's name.</param>
    /// <param name="mode">Whole volume or marginal bands.</param>
    /// <param name="currency">The currency; CNY when not given.</param>
    public StaffScheduleBuilder(string name, StaffBandMode mode = StaffBandMode.WholeVolume, Currency? currency = null)
    {
        _options = new StaffScheduleOptions { Name = name, Mode = mode, Currency = currency ?? Currency.CNY };
    }

    /// <summary>Adds the next band.</summary>
    /// <param name="from">The period volume at which the band starts.</param>
    /// <param name="rate">The band's rate.</param>
    /// <returns>This builder.</returns>
    public StaffScheduleBuilder Band(Money from, Rate rate)
    {
        _options.Bands.Add(new StaffBandOptions { From = from, Rate = rate });
        return this;
    }

    /// <summary>Sets how pay is rounded (down by default).</summary>
    /// <param name="rounding">The rounding mode.</param>
    /// <returns>This builder.</returns>
    public StaffScheduleBuilder RoundWith(RoundingMode rounding)
    {
        _options.Rounding = rounding;
        return this;
    }

    /// <summary>Validates and builds the schedule.</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="CommissionPlanException">The schedule breaks a rule; every problem is listed.</exception>
    public StaffSchedule Build() => StaffSchedule.Create(_options);
}
