using CommunityModel.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityModel.Tests.DependencyInjection;

public class AddActivityCalendarTests
{
    private static IConfiguration Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Community:Calendar");

    [Fact]
    public void The_calendars_rules_bind_from_configuration()
    {
        using var provider = new ServiceCollection()
            .AddActivityCalendar(Section(new()
            {
                ["Community:Calendar:MinimumActivitiesPerWeek"] = "2",
                ["Community:Calendar:AttributionWindow"] = "04:00:00",
                ["Community:Calendar:Rounding"] = "HalfEven",
                ["Community:Calendar:WeekStartsOn"] = "Sunday",
            }))
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<CalendarOptions>>().Value;

        Assert.Equal((2, TimeSpan.FromHours(4), RoundingMode.HalfEven, DayOfWeek.Sunday), (options.MinimumActivitiesPerWeek, options.AttributionWindow, options.Rounding, options.WeekStartsOn));
    }

    [Fact]
    public void Unusable_rules_stop_start_up_naming_the_setting_under_its_section()
    {
        using var provider = new ServiceCollection()
            .AddActivityCalendar(Section(new() { ["Community:Calendar:AttributionWindow"] = "-01:00:00", ["Community:Calendar:MinimumActivitiesPerWeek"] = "-1" }))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Community:Calendar:AttributionWindow is -01:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("Community:Calendar:MinimumActivitiesPerWeek is -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_stops_start_up()
    {
        using var provider = new ServiceCollection().AddActivityCalendar(Section(new() { ["Community:Calendar:AtributionWindow"] = "04:00:00" })).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AtributionWindow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_set_in_code_are_validated_at_start_up_too()
    {
        using var provider = new ServiceCollection().AddActivityCalendar(o => o.Rounding = (RoundingMode)9).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Rounding is 9", error.Message, StringComparison.Ordinal);
    }
}
