using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Tests.Compliance;

public class OrganisationThresholdTests
{
    private readonly ComplianceLinter _linter = new();

    // Member 1 sponsors member 2, who sponsors members 3 to last: three levels counting member 1.
    private static NetworkSnapshot ThreeLevels(int last) =>
        NetworkSnapshot.Create([new(1, default), new(2, 1), .. Enumerable.Range(3, last - 2).Select(m => new ReferralLink(m, 2))]);

    // Member 1 sponsors members 2 to last: two levels.
    private static NetworkSnapshot TwoLevels(int last) =>
        NetworkSnapshot.Create([new(1, default), .. Enumerable.Range(2, last - 1).Select(m => new ReferralLink(m, 1))]);

    private static OrderCommission[] EveryoneFrom3Buys(CommissionPlan plan, NetworkSnapshot network, int last) =>
        [.. Enumerable.Range(3, last - 2).Select(m => new CommissionCalculator(plan).Calculate(new CommissionableOrder($"o-{m}", m, Money.Cny(100m)), network))];

    [Fact]
    public void A_network_of_30_members_in_3_levels_counting_the_organiser_meets_the_2013_threshold_and_29_or_2_levels_do_not()
    {
        var finding = Assert.Single(_linter.CheckNetwork(ThreeLevels(30), ComplianceProfiles.ChinaThreeLevelDistribution));

        Assert.Equal((ComplianceCodes.OrganisationThreshold, "organisation of member 1", ComplianceSeverity.Error), (finding.Code, finding.Subject, finding.Severity));
        Assert.Contains("30 participants in 3 levels", finding.Message, StringComparison.Ordinal);
        Assert.Empty(_linter.CheckNetwork(ThreeLevels(29), ComplianceProfiles.ChinaThreeLevelDistribution));
        Assert.Empty(_linter.CheckNetwork(TwoLevels(40), ComplianceProfiles.ChinaThreeLevelDistribution));
        Assert.Equal<OrganisationScale>([new OrganisationScale(1, 30, 3)], OrganisationScale.OfNetwork(ThreeLevels(30)));
    }

    [Fact]
    public void Each_root_of_a_network_is_an_organiser_of_its_own_tree()
    {
        var links = ThreeLevels(30).ToLinks().Concat([new ReferralLink(100, default), new ReferralLink(101, 100)]).ToArray();

        Assert.Equal<OrganisationScale>([new OrganisationScale(1, 30, 3), new OrganisationScale(100, 2, 2)], OrganisationScale.OfNetwork(NetworkSnapshot.Create(links)).OrderBy(o => o.Organiser.Value));
    }

    [Fact]
    public void In_a_finished_run_only_members_who_earned_or_whose_sales_paid_someone_take_part()
    {
        var twoLevelPlan = new CommissionPlanBuilder("two").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Build();
        var network = ThreeLevels(31);

        // Members 3 to 30 buy: 2 earns level 1 and 1 earns level 2 on each sale, two generations above: 30 participants, 3 levels.
        var thirty = OrganisationScale.OfRun(network, EveryoneFrom3Buys(twoLevelPlan, network, 30));
        var twentyNine = OrganisationScale.OfRun(network, EveryoneFrom3Buys(twoLevelPlan, network, 29));

        Assert.Equal<OrganisationScale>([new OrganisationScale(1, 30, 3)], thirty);
        Assert.Equal<OrganisationScale>([new OrganisationScale(1, 29, 3)], twentyNine);
        Assert.Equal(ComplianceCodes.OrganisationThreshold, Assert.Single(_linter.CheckOrganisations(thirty, ComplianceProfiles.ChinaDirectSelling)).Code);
        Assert.Empty(_linter.CheckOrganisations(twentyNine, ComplianceProfiles.ChinaDirectSelling));
    }

    [Fact]
    public void A_one_level_run_of_many_buyers_is_two_levels_and_chains_of_pay_add_their_generations()
    {
        var oneLevel = new CommissionPlanBuilder("one").Level(Rate.FromPercent(10)).Build();
        var flat = TwoLevels(41);
        var chain = NetworkSnapshot.Create([new(1, default), new(2, 1), new(3, 2), new(4, 3)]);

        var paidToSponsor = OrganisationScale.OfRun(flat, [.. Enumerable.Range(2, 40).Select(m => new CommissionCalculator(oneLevel).Calculate(new CommissionableOrder($"o-{m}", m, Money.Cny(100m)), flat))]);
        // 2 earns on 3's sale and 3 on 4's sale: one chain of pay over three levels; 1 neither earned nor bought.
        var chained = OrganisationScale.OfRun(chain, [.. new long[] { 3, 4 }.Select(m => new CommissionCalculator(oneLevel).Calculate(new CommissionableOrder($"o-{m}", m, Money.Cny(100m)), chain))]);

        Assert.Equal<OrganisationScale>([new OrganisationScale(1, 41, 2)], paidToSponsor);
        Assert.Empty(_linter.CheckOrganisations(paidToSponsor, ComplianceProfiles.ChinaDirectSelling));
        Assert.Equal<OrganisationScale>([new OrganisationScale(2, 3, 3)], chained);
    }

    [Fact]
    public void A_profile_without_the_threshold_checks_nothing_and_a_threshold_below_one_is_refused()
    {
        var own = new ComplianceProfile { Name = "no-threshold" };

        Assert.Empty(new ComplianceLinter([own]).CheckNetwork(ThreeLevels(30), "no-threshold"));
        Assert.Equal(CommissionErrorCodes.InvalidComplianceProfile, Assert.Throws<CommissionException>(() => new ComplianceLinter([own with { ThresholdParticipants = 0, ThresholdLevels = 3 }])).ErrorCode);
        Assert.Equal(CommissionErrorCodes.InvalidComplianceProfile, Assert.Throws<CommissionException>(() => new ComplianceLinter([own with { ThresholdParticipants = 30 }])).ErrorCode);
    }
}
