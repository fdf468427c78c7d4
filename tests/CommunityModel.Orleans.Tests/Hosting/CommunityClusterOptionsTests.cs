using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Plans;
using CommunityModel.Orleans.Hosting;
using Microsoft.Extensions.Hosting;

namespace CommunityModel.Orleans.Tests.Hosting;

/// <summary>The cluster's options are checked when the silo is configured: a role map must fit the plan the grains pay, the campaign options the plays.</summary>
public class CommunityClusterOptionsTests
{
    [Fact]
    public void A_role_map_naming_a_role_the_plan_lacks_stops_the_silo_at_start_up()
    {
        var plan = new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Build();
        var roles = CommunityRoleMap.Create([KeyValuePair.Create(Roles.OrderRoles.Organiser, "host")], new CommissionPlanBuilder("hosts").Role("host", Rate.FromPercent(5)).Build());

        var error = Assert.Throws<ArgumentException>(() => new HostBuilder().UseOrleans(silo => silo.UseLocalhostClustering().AddCommunityCluster(o => (o.Plan, o.Roles) = (plan, roles))).Build());

        Assert.Contains("CommunityRoles:organiser names plan role 'host', which the plan does not have (it has no roles)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_without_a_role_map_is_refused()
    {
        var plan = new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Build();

        var error = Assert.Throws<ArgumentException>(() => new HostBuilder().UseOrleans(silo => silo.UseLocalhostClustering().AddCommunityCluster(o => (o.Plan, o.Roles) = (plan, null!))).Build());

        Assert.Contains("CommunityClusterOptions.Roles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_options_the_plays_cannot_use_stop_the_silo_at_start_up()
    {
        var plan = new CommissionPlanBuilder("levels").Level(Rate.FromPercent(10)).Build();

        var unknownZone = Assert.Throws<ArgumentException>(() => new HostBuilder().UseOrleans(silo => silo.UseLocalhostClustering().AddCommunityCluster(o => (o.Plan, o.Campaigns) = (plan, new Campaigns.CampaignOptions { TimeZone = "Nowhere/Atlantis" }))).Build());
        var none = Assert.Throws<ArgumentException>(() => new HostBuilder().UseOrleans(silo => silo.UseLocalhostClustering().AddCommunityCluster(o => (o.Plan, o.Campaigns) = (plan, null!))).Build());

        Assert.Contains("CommunityClusterOptions.Campaigns", unknownZone.Message, StringComparison.Ordinal);
        Assert.Contains("Campaigns:TimeZone", unknownZone.Message, StringComparison.Ordinal);
        Assert.Contains("none given", none.Message, StringComparison.Ordinal);
    }
}
