using CommunityModel.Commissions.Plans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Commissions.Tests.Rules;

public class PersonalVolumeToEarnConfigurationTests
{
    [Fact]
    public void The_personal_volume_to_earn_binds_from_configuration()
    {
        var values = new Dictionary<string, string?>
        {
            ["Commissions:Plan:Name"] = "team",
            ["Commissions:Plan:Levels:0:Rate"] = "10%",
            ["Commissions:Plan:MinPersonalVolumeToEarn"] = "300.00 CNY",
        };
        using var provider = new ServiceCollection().AddCommissions(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Commissions")).BuildServiceProvider();

        Assert.Equal(Money.Cny(300m), provider.GetRequiredService<CommissionPlan>().MinPersonalVolumeToEarn);
    }

    [Fact]
    public void A_negative_or_foreign_personal_volume_to_earn_is_refused()
    {
        var error = Assert.Throws<CommissionPlanException>(new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).EarnersNeedPersonalVolume(Money.FromMinorUnits(100, Currency.USD)).Build);

        Assert.Contains("MinPersonalVolumeToEarn", error.Message);
    }
}
