using CommunityModel.Simulation;

namespace CommunityModel.Tests.Simulation;

/// <summary>Options where every rate is zero unless set, and a factory that keeps the communities it made.</summary>
internal static class SimulationSetups
{
    public static GrowthSimulationOptions Quiet(int months, int leads) => new()
    {
        Months = months,
        LeadsPerMonth = leads,
        CostPerLead = 20m,
        TrafficCostElasticity = 0.5m,
        ReferenceLeads = 1_000,
        LeadProductRate = Rate.Zero,
        EntryCourseRate = Rate.Zero,
        HighTicketCourseRate = Rate.Zero,
        ChurnRate = Rate.Zero,
        MembershipUptake = Rate.Zero,
        KaUpgradeRate = Rate.Zero,
        RenewalRate = Rate.Zero,
        ReferralRate = Rate.Zero,
        RefundRate = Rate.Zero,
    };

    /// <summary>Everyone takes the lead product on arrival, buys the entry course the month after and VIP the month after that.</summary>
    public static GrowthSimulationOptions Buyers(int months, int leads)
    {
        var options = Quiet(months, leads);
        options.LeadProductRate = Rate.One;
        options.EntryCourseRate = Rate.One;
        options.MembershipUptake = Rate.One;
        return options;
    }

    /// <summary>Makes seed communities (through another factory) and keeps the last one made.</summary>
    internal sealed class KeepingFactory(ISimulationCommunityFactory inner) : ISimulationCommunityFactory
    {
        public KeepingFactory()
            : this(new SeedCommunityFactory())
        {
        }

        public CommunityModel.Community? Last { get; private set; }

        public string Description => inner.Description;

        public CommunityModel.Community Create(TimeProvider timeProvider) => Last = inner.Create(timeProvider);
    }
}
