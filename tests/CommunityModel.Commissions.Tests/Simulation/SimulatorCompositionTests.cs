using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Simulation;
using CommunityModel.Metrics.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityModel.Commissions.Tests.Simulation;

/// <summary>With AddCommissions registered, the growth simulator pays through the application's own plan.</summary>
public class SimulatorCompositionTests
{
    [Fact]
    public void The_simulator_pays_through_the_registered_plan_instead_of_its_default_rates()
    {
        using var provider = new ServiceCollection()
            .AddCommissions(c => c.Plan("single", p => p.Level(Rate.FromPercent(12))))
            .AddGrowthSimulator(o => o.Months = 6)
            .BuildServiceProvider();

        var projection = provider.GetRequiredService<GrowthSimulator>().Run();
        var expected = new GrowthSimulator(new GrowthSimulationOptions { Months = 6 }, new CommissionPlanPayout(provider.GetRequiredService<CommissionPlan>())).Run();
        var withDefaults = new GrowthSimulator(new GrowthSimulationOptions { Months = 6 }).Run();

        Assert.IsType<CommissionPlanPayout>(provider.GetRequiredService<ICommissionPayout>());
        Assert.Equal(expected.CommissionPaid, projection.CommissionPaid);
        Assert.Equal(expected.Revenue, projection.Revenue);
        Assert.NotEqual(withDefaults.CommissionPaid, projection.CommissionPaid);
        Assert.True(projection.PayoutRatio <= Rate.FromPercent(12));
    }
}
