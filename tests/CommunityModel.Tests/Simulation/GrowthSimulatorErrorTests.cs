using CommunityModel.Simulation;

namespace CommunityModel.Tests.Simulation;

public class GrowthSimulatorErrorTests
{
    public static TheoryData<string, Action<GrowthSimulationOptions>> BadOptions() => new()
    {
        { "Months is 0", o => o.Months = 0 },
        { "Months is 121", o => o.Months = 121 },
        { "LeadsPerMonth is -1", o => o.LeadsPerMonth = -1 },
        { "LeadsPerMonth is 100001", o => o.LeadsPerMonth = 100_001 },
        { "CostPerLead is -1", o => o.CostPerLead = -1m },
        { "TrafficCostElasticity is -0.1", o => o.TrafficCostElasticity = -0.1m },
        { "TrafficCostElasticity is 101", o => o.TrafficCostElasticity = 101m },
        { "ReferenceLeads is 0", o => o.ReferenceLeads = 0 },
        { "LeadProduct is empty", o => o.LeadProduct = " " },
        { "EntryCourse is empty", o => o.EntryCourse = "" },
        { "HighTicketCourse is empty", o => o.HighTicketCourse = "" },
        { "VipTier is empty", o => o.VipTier = "" },
        { "KaTier is empty", o => o.KaTier = "" },
        { "LeadProductRate is", o => o.LeadProductRate = Rate.FromPercent(101) },
        { "EntryCourseRate is", o => o.EntryCourseRate = Rate.FromPercent(-1) },
        { "HighTicketCourseRate is", o => o.HighTicketCourseRate = Rate.FromPercent(101) },
        { "ChurnRate is", o => o.ChurnRate = Rate.FromPercent(101) },
        { "MembershipUptake is", o => o.MembershipUptake = Rate.FromPercent(101) },
        { "KaUpgradeRate is", o => o.KaUpgradeRate = Rate.FromPercent(101) },
        { "RenewalRate is", o => o.RenewalRate = Rate.FromPercent(101) },
        { "ReferralRate is", o => o.ReferralRate = Rate.FromPercent(101) },
        { "RefundRate is", o => o.RefundRate = Rate.FromPercent(101) },
        { "LeadProduct is 'nothing'; the community's catalog has no such product", o => o.LeadProduct = "nothing" },
        { "EntryCourse is 'vip'; the community's catalog has no such product", o => o.EntryCourse = "vip" },
        { "HighTicketCourse is 'nothing'; the community's catalog has no such product", o => o.HighTicketCourse = "nothing" },
        { "VipTier is 'bootcamp'; the community's membership plan has no such tier", o => o.VipTier = "bootcamp" },
        { "KaTier is 'nothing'; the community's membership plan has no such tier", o => o.KaTier = "nothing" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_naming_the_setting(string expected, Action<GrowthSimulationOptions> spoil)
    {
        var options = new GrowthSimulationOptions();
        spoil(options);

        var error = Assert.Throws<SimulationException>(() => new GrowthSimulator(options));

        Assert.Equal(ErrorCodes.SimulationInvalidOptions, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var error = Assert.Throws<SimulationException>(() => new GrowthSimulator(new GrowthSimulationOptions { Months = 0, ReferenceLeads = 0 }));

        Assert.Contains("Months is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReferenceLeads is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_changes_to_the_options_do_not_reach_the_simulator()
    {
        var options = new GrowthSimulationOptions { Months = 2, LeadsPerMonth = 5 };
        var simulator = new GrowthSimulator(options);
        options.Months = 0;

        Assert.Equal(2, simulator.Run().Months.Length);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new GrowthSimulator((GrowthSimulationOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new SeedCommunityFactory(null!, "x"));
        Assert.Throws<ArgumentException>(() => new SeedCommunityFactory(_ => null!, " "));
        Assert.Throws<ArgumentNullException>(() => new SeedCommunityFactory().Create(null!));
        Assert.Throws<ArgumentNullException>(() => FunnelFigures.Zero(Currency.CNY).Add(null!));
    }
}
