using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo.Tests;

/// <summary>The year's invariants: money conserved to the fen, people counted once, every capability exercised, the same seed the same year.</summary>
public class CommunityYearTests
{
    private static readonly DemoOptions Small = new() { Members = 600, Months = 12, Seed = 11 };

    // One run shared by the invariant tests: the run is deterministic, so sharing it changes nothing.
    private static readonly Lazy<YearReport> Year = new(() => CommunityYear.Run(Small));

    [Fact]
    public void Commission_lines_plus_what_the_company_retains_equal_the_bases_order_by_order_and_in_total()
    {
        var report = Year.Value;
        Assert.True(report.OrdersPaid > 0);
        Assert.Equal(report.TotalBase, report.TotalCommission + report.TotalRetained);
        Assert.True(report.TotalCommission.IsPositive);
    }

    [Fact]
    public void The_ledger_holds_every_line_less_what_refunds_reversed()
    {
        var report = Year.Value;
        Assert.Equal(report.TotalCommission + report.PlayRewards - report.CommissionReversed, report.LedgerNetEarned);
        // Paid out never exceeds what was earned; a refund after payout is owed back (a negative available balance).
        Assert.True(report.CommissionPaidOut <= report.TotalCommission + report.PlayRewards);
        Assert.True(report.LedgerNetEarned + report.OwedBack >= report.CommissionPaidOut);
        Assert.Equal(report.TotalCommission + report.PlayRewards, Money.Sum(report.CommissionByRule.Select(r => r.Amount), Currency.CNY));
        Assert.Equal(report.CommissionByKind.Sum(k => k.Lines), report.CommissionByRule.Where(r => r.Rule.StartsWith(report.PlanName + "/", StringComparison.Ordinal)).Sum(r => r.Lines)); // the plan's rules; the leader rebate is a reward
    }

    [Fact]
    public void Every_sale_is_an_order_of_the_month_end_and_the_months_add_up_to_the_year()
    {
        var report = Year.Value;
        Assert.Equal(report.TotalRevenue, report.TotalBase);   // the plan pays on the amount paid
        Assert.Equal(report.TotalRevenue, Money.Sum(report.Months.Select(m => m.Revenue), Currency.CNY));
        Assert.Equal(report.TotalCommission, Money.Sum(report.Months.Select(m => m.Commission), Currency.CNY));
        Assert.Equal(report.CommissionPaidOut, Money.Sum(report.Months.Select(m => m.PaidOut), Currency.CNY));
        Assert.Equal(report.Revenue.Sum(r => r.Orders), report.OrdersPaid);
    }

    [Fact]
    public void The_funnel_counts_add_up()
    {
        var report = Year.Value;
        var everyone = report.ExistingMembers + report.BoughtProspects + report.ReferredProspects;
        Assert.Equal(everyone, report.StagesAtEnd.Sum(s => s.People));
        Assert.Equal(Small.Members, report.BoughtProspects);
        Assert.Equal(report.BoughtProspects + report.ReferredProspects, report.Funnel.Steps[0].Entered);
        Assert.Equal(report.BoughtProspects + report.ReferredProspects, report.Months.Sum(m => m.Arrivals));
        for (var i = 1; i < report.Funnel.Steps.Length; i++)
        {
            var (previous, step) = (report.Funnel.Steps[i - 1], report.Funnel.Steps[i]);
            Assert.True(step.Entered <= previous.Entered, $"{step.Stage} {step.Entered} > {previous.Stage} {previous.Entered}");
            Assert.Equal(previous.Entered - step.Entered, step.DropOff);
        }

        Assert.Equal(everyone, report.Months[^1].NetworkSize);
        Assert.Equal(report.LeadGroups.Sum(g => g.Members), report.Funnel.Steps.Single(s => s.Stage == LifecycleStage.Fan).Entered);
    }

    [Fact]
    public void The_metrics_read_the_same_year_from_the_events()
    {
        var report = Year.Value;
        Assert.Equal(report.TotalRevenue, report.Sales.Total.Sales);
        Assert.Equal(report.BoughtProspects + report.ReferredProspects, report.Sales.Total.Traffic);
        Assert.Equal(report.BoughtProspects, report.Sales.Channels.Single(c => c.Channel == "bought-traffic").Traffic);
        Assert.Equal(report.OrdersPaid, report.Sales.Total.Orders);
        Assert.Equal(report.BoughtProspects + report.ReferredProspects, report.Aarrr.Acquired);
        Assert.Equal(report.Months.Sum(m => m.NewCustomers), report.Aarrr.NewCustomers);
        Assert.NotNull(report.Renewals);
        Assert.True(report.Renewals!.Total.Renewed > 0);
    }

    [Fact]
    public void Levels_are_accrued_with_each_order_and_the_month_end_adds_only_rank_lines_on_their_own_ledger_line()
    {
        var report = Year.Value;
        var entries = report.TopEarners.SelectMany(e => e.Entries).ToList();
        Assert.Contains(entries, e => e.Level > 0);
        Assert.Contains(entries, e => e.Level == 0);
        // Levels under the community's order id, accrued as the order was paid (frozen from that moment, within the run);
        // differential and peer under the order's month-end line: the same order is never accrued twice under one line.
        Assert.All(entries.Where(e => e.Level > 0), e => Assert.DoesNotContain("/", e.Key.OrderLineId, StringComparison.Ordinal));
        Assert.All(entries.Where(e => e.Level == 0), e => Assert.EndsWith("/ranks", e.Key.OrderLineId, StringComparison.Ordinal));
        Assert.Equal(report.CommissionByKind.Single(k => k.Kind == CommissionRuleKind.Level).Lines, report.CommissionByRule.Where(r => r.Rule.StartsWith("team/level-", StringComparison.Ordinal)).Sum(r => r.Lines));
    }

    [Fact]
    public void The_metrics_read_sales_from_the_communitys_own_orders_and_compare_members_with_customers()
    {
        var report = Year.Value;
        // Every paid order is a ProductPurchased or a membership event of the community: no sale is recorded twice.
        Assert.Equal(report.OrdersPaid, report.Sales.Channels.Where(c => c.Channel is "membership" or "product").Sum(c => c.Orders));
        Assert.Equal(report.Revenue.Where(r => r.Label.Contains("membership", StringComparison.OrdinalIgnoreCase) || r.Label.StartsWith("Gift pack", StringComparison.Ordinal)).Sum(r => r.Orders), report.Sales.Channels.Single(c => c.Channel == "membership").Orders);
        var versus = report.Segments.MembersAgainstCustomers;
        Assert.True(versus.Members.Buyers > 0 && versus.Customers.Buyers > 0);
        Assert.Equal(report.Sales.Total.Orders, report.Segments.Total.Orders);
        Assert.Equal(report.Sales.Total.Sales, report.Segments.Total.Revenue);
        Assert.True(versus.OrderValueRatio > 1m, "members' orders are dearer than ordinary customers'");
    }

    [Fact]
    public void Memberships_are_sold_renewed_upgraded_refunded_and_onboarded()
    {
        var report = Year.Value;
        var vip = report.Memberships.Single(m => m.TierId == SeedBusiness.Vip);
        Assert.True(vip.New > 0);
        Assert.True(vip.Renewed > 0);
        Assert.True(report.Memberships.Sum(m => m.UpgradedInto) > 0);
        Assert.True(report.Memberships.Sum(m => m.Refunded) > 0);
        Assert.True(report.Refunded.IsPositive);
        Assert.Equal(report.Memberships.Sum(m => m.New), report.Months.Sum(m => m.NewMembers));
        Assert.InRange(report.Onboarding.Started, 1, report.Memberships.Sum(m => m.New));   // once a person, a second purchase is not onboarded again
        Assert.True(report.Onboarding.Completed + report.Onboarding.Stalled <= report.Onboarding.Started);
        Assert.True(report.Onboarding.Completed > 0);
    }

    [Fact]
    public void The_smallest_run_still_has_an_upgrade_and_a_refund()
    {
        var report = CommunityYear.Run(new DemoOptions { Members = DemoOptions.MinMembers, Months = DemoOptions.MinMonths, Seed = 1 });
        Assert.True(report.Memberships.Sum(m => m.UpgradedInto) >= 1);
        Assert.True(report.Memberships.Sum(m => m.Refunded) >= 1);
        Assert.Single(report.Months);
    }

    [Fact]
    public void The_compliance_check_reads_the_plan_and_the_finished_run()
    {
        var report = Year.Value;
        var direct = report.PlanCompliance.Single(p => p.Profile.Name == "china-direct-selling");
        Assert.Contains(direct.Findings, f => f.Code == "CM001");   // three levels where one is allowed
        Assert.Empty(report.PlanCompliance.Single(p => p.Profile.Name == "china-three-level-distribution").Findings);
        Assert.NotNull(report.PayoutRatio);
        Assert.Equal(Rate.Of(report.TotalCommission + report.PlayRewards, report.TotalRevenue), report.PayoutRatio); // every payout to members, the leader rebate included
        Assert.Equal(report.PlanCompliance.Select(p => p.Profile.Name), report.RunCompliance.Select(p => p.Profile.Name));
    }

    [Fact]
    public void Top_earners_are_explained_by_their_lines()
    {
        var report = Year.Value;
        Assert.NotEmpty(report.TopEarners);
        foreach (var earner in report.TopEarners)
        {
            Assert.All(earner.Entries, e => Assert.Equal(earner.Member, e.Key.Beneficiary));
            Assert.Equal(earner.Earned, Money.Sum(earner.Entries.Select(e => e.Amount), Currency.CNY) - earner.Reversed);
            // The first orders, explained on demand by the calculator, give exactly the lines the run accrued.
            Assert.NotEmpty(earner.Explained);
            Assert.All(earner.Explained, x => Assert.Equal(earner.Entries.Single(e => e.Key == x.Line.Key).Amount, x.Line.Amount));
        }

        Assert.True(report.TopEarners.Zip(report.TopEarners.Skip(1)).All(p => p.First.Earned >= p.Second.Earned));
    }

    [Fact]
    public void The_default_team_plan_pays_levels_differential_and_peer_lines()
    {
        var report = Year.Value;
        Assert.Equal([CommissionRuleKind.Level, CommissionRuleKind.Differential, CommissionRuleKind.Peer], report.CommissionByKind.Select(k => k.Kind));
        Assert.All(report.CommissionByKind, k => Assert.True(k.Lines > 0 && k.Amount.IsPositive, $"{k.Kind} paid nothing"));
        Assert.Equal(report.TotalCommission, Money.Sum(report.CommissionByKind.Select(k => k.Amount), Currency.CNY));
        Assert.Equal(report.CommissionByRule.Where(r => r.Rule.StartsWith(report.PlanName + "/", StringComparison.Ordinal)).Sum(r => r.Lines), report.CommissionByKind.Sum(k => k.Lines));
        Assert.Contains(report.CommissionByRule, r => r.Rule == "team/differential");
        Assert.Contains(report.CommissionByRule, r => r.Rule == "team/peer-1");
    }

    [Fact]
    public void Role_lines_of_the_care_team_show_as_their_own_kind_and_none_as_a_peer_bonus()
    {
        // Levels and two care-team roles, no ranks and no peer bonus: before role lines had a kind of their own, they were counted as peer bonus.
        var plan = new CommissionPlanBuilder("team").Level(Rate.FromPercent(10)).Level(Rate.FromPercent(5)).Role("recruiter", Rate.FromPercent(2)).Role("coach", Rate.FromPercent(1)).Build();
        var setup = new CommissionSetup(plan, CommissionSetup.Default().Ledger, new Commissions.Compliance.ComplianceLinter(), "test")
        {
            Roles = Commissions.Ledger.CommunityRoleMap.Create([KeyValuePair.Create(Roles.OrderRoles.Promoter, "recruiter"), KeyValuePair.Create(Roles.OrderRoles.Trainer, "coach")], plan),
        };

        var report = CommunityYear.Run(new DemoOptions { Members = 200, Months = 2, Seed = 11 }, setup);

        Assert.Equal([CommissionRuleKind.Level, CommissionRuleKind.Role], report.CommissionByKind.Select(k => k.Kind));
        var roles = report.CommissionByRule.Where(r => r.Rule.StartsWith("team/role-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roles);
        Assert.All(roles, r => Assert.Contains(r.Rule, new[] { "team/role-recruiter", "team/role-coach" }));
        var role = report.CommissionByKind.Single(k => k.Kind == CommissionRuleKind.Role);
        Assert.Equal((roles.Sum(r => r.Lines), Money.Sum(roles.Select(r => r.Amount), Currency.CNY)), (role.Lines, role.Amount));
        Assert.Equal(report.TotalCommission, Money.Sum(report.CommissionByKind.Select(k => k.Amount), Currency.CNY));
    }

    [Fact]
    public void Ranks_are_qualified_at_every_month_end_and_kept_once_reached()
    {
        var report = Year.Value;
        Assert.All(report.Months, m => Assert.True(m.Ranked > 0, $"{m.Label}: nobody holds a rank"));
        Assert.True(report.Months.Zip(report.Months.Skip(1)).All(p => p.Second.Ranked >= p.First.Ranked), "a rank reached was lost");
        Assert.Equal(["director", "leader", "monitor", "promoter"], report.RanksAtEnd.Select(r => r.Rank.Code));
        Assert.Equal(report.Months[^1].Ranked, report.RanksAtEnd.Sum(r => r.Members));
        Assert.True(report.RanksAtEnd.Count(r => r.Members > 0) >= 3, "the year reaches several ranks");
    }

    [Fact]
    public void Top_earners_rank_is_explained_rule_by_rule()
    {
        var report = Year.Value;
        foreach (var earner in report.TopEarners)
        {
            var rank = earner.Rank!;
            Assert.Equal(earner.Member, rank.Member);
            Assert.Equal(["director", "leader", "monitor", "promoter"], rank.Assessments.Select(a => a.Rank.Code));
            Assert.All(rank.Assessments, a => Assert.NotEmpty(a.Checks));
            // Held is the highest rank whose every rule held this month, or one kept from an earlier month.
            Assert.Equal(rank.Assessments.FirstOrDefault(a => a.Qualified)?.Rank, rank.Qualified);
            Assert.True(rank.KeptFromPrevious || rank.Held == rank.Qualified);
        }

        var text = ReportFiles.PlainText(report);
        Assert.Contains("Rank at the end of the run:", text, StringComparison.Ordinal);
        Assert.Contains("TeamVolume", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_and_another_seed_another()
    {
        var options = Small with { Members = 300 };
        var first = ReportFiles.PlainText(CommunityYear.Run(options));
        var again = ReportFiles.PlainText(CommunityYear.Run(options));
        var other = ReportFiles.PlainText(CommunityYear.Run(options with { Seed = options.Seed + 1 }));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_plain_report_has_no_escape_codes_and_shows_every_section()
    {
        var text = ReportFiles.PlainText(Year.Value);
        Assert.DoesNotContain('\u001b', text);
        foreach (var heading in new[] { "The value chain", "Lead groups", "Revenue by rung", "Memberships", "Onboarding", "Members against ordinary customers", "Month by month", "Ranks 团队级别", "Commission by rule kind", "Commission by rule", "Top earners", "Compliance", "Payout ratio" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_campaign_month_runs_each_play_and_a_group_buy_that_completes_and_one_refunded_in_full()
    {
        var plays = Year.Value.Campaigns;

        Assert.Equal(["训练营 Bootcamp", "营销课 Marketing class", "秒杀 Flash sale", "拼团 Group buy", "拼团 Group buy"], plays.Select(p => p.Kind));
        Assert.Equal(["已结营 Finished", "已结束 Closed", "已结束 Closed", "已成团 Completed", "已退款 Refunded"], plays.Select(p => p.Stage));
        Assert.Equal(12, plays[0].Orders);
        Assert.Equal(Money.Cny(99m * 12), plays[0].Revenue);
        Assert.Equal((5, Money.Cny(1680m * 5)), (plays[1].Orders, plays[1].Revenue)); // 3 live, 2 the same night; the one after midnight is not attributed
        Assert.Contains("1 after the window not attributed", plays[1].Result, StringComparison.Ordinal);
        Assert.Equal((10, Money.Cny(9900m)), (plays[2].Orders, plays[2].Revenue)); // ten units for fourteen buyers: never oversold
        Assert.Equal((3, 3, Money.Cny(2970m)), (plays[3].Participants, plays[3].Orders, plays[3].Revenue));
        Assert.Equal((2, 0, Money.Zero(Currency.CNY)), (plays[4].Participants, plays[4].Orders, plays[4].Revenue));
        Assert.Contains("2 refunded in full, ¥1,980.00", plays[4].Result, StringComparison.Ordinal);
    }

    [Fact]
    public void The_campaign_month_pays_the_group_buy_leader_a_rebate_and_the_bootcamp_converts_its_graduates()
    {
        var report = Year.Value;
        var plays = report.Campaigns;

        // The class sells to five bootcamp graduates within the bootcamp's 14-day conversion window: 5 of the 12 enrolled.
        Assert.Contains("conversion 5/12 = 41.67%", plays[0].Result, StringComparison.Ordinal);
        Assert.Contains("leader rebate ¥99.00", plays[3].Result, StringComparison.Ordinal);
        Assert.DoesNotContain("rebate", plays[4].Result, StringComparison.Ordinal);  // the timed-out group earns its leader nothing
        var rebate = Assert.Single(report.CommissionByRule, r => r.Rule == "groupbuy/leader-rebate");
        Assert.Equal((1, Money.Cny(99m)), (rebate.Lines, rebate.Amount));
        Assert.Equal(Money.Cny(99m), report.PlayRewards);
    }

    [Fact]
    public void A_plan_file_changes_what_is_paid_and_the_rule_ids_follow_the_plan()
    {
        var path = Path.Combine(Path.GetTempPath(), $"demo-plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Plan": { "Name": "one-level", "Levels": [ { "Rate": "20%" } ] } }""");
        try
        {
            var report = CommunityYear.Run(Small with { Members = 200 }, CommissionSetup.Load(path));
            Assert.Equal("one-level", report.PlanName);
            Assert.Equal(["groupbuy/leader-rebate", "one-level/level-1"], report.CommissionByRule.Select(r => r.Rule)); // the campaign month's reward besides the plan's rule
            Assert.Equal(report.TotalBase, report.TotalCommission + report.TotalRetained);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
