using System.Globalization;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Paying;
using CommunityModel.Lifecycle;
using Spectre.Console;
using Spectre.Console.Rendering;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo;

/// <summary>Draws a <see cref="YearReport"/> as tables and bar charts on a Spectre console (coloured on a terminal, plain text otherwise).</summary>
public static class ReportView
{
    private const int BarWidth = 40;
    private const int LinesPerEarner = 6;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the report.</summary>
    /// <param name="report">The year.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="plain">ASCII table borders, for logs.</param>
    public static void Render(YearReport report, IAnsiConsole console, bool plain)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        var border = plain ? TableBorder.Ascii2 : TableBorder.Rounded;
        var o = report.Options;
        console.Write(new Rule($"[bold]CommunityModel — {DemoOptions.Span(o.Months)} of the seed business 社群商业[/]").LeftJustified());
        console.WriteLine(string.Create(Invariant, $"{report.Period}  seed {o.Seed}  ·  {N(report.BoughtProspects)} prospects from bought traffic, {N(report.ReferredProspects)} referred, {N(report.ExistingMembers)} already there (founders, last year's members)"));
        console.WriteLine($"Commission plan: {report.PlanName}, {report.PlanSource}");

        Section(console, "The value chain 客户价值开发主线: who arrived during the run, and how far they went");
        var funnel = Table(border, 1, "Stage", "Entered", "Step conversion", "Overall", "Median time from previous");
        foreach (var step in report.Funnel.Steps)
        {
            funnel.AddRow(Stage(step.Stage), N(step.Entered), Pct(step.StepConversion), Pct(step.OverallConversion), step.MedianTimeFromPrevious is { } t ? string.Create(Invariant, $"{t.TotalDays:0.#} days") : "—");
        }

        console.Write(funnel);
        console.Write(Chart("Entered each stage", report.Funnel.Steps.Select(s => (Stage(s.Stage), (double)s.Entered)), Color.SteelBlue));
        var stages = Table(border, 1, "Stage on the last day", "People");
        foreach (var s in report.StagesAtEnd.Where(s => s.People > 0))
        {
            stages.AddRow(Stage(s.Stage), N(s.People));
        }

        stages.AddRow("Everyone", N(report.StagesAtEnd.Sum(s => s.People)));
        console.Write(stages);

        Section(console, "Lead groups 引流群 (500 a group) and their public classes 公开课");
        var groups = Table(border, 1, "Group", "Fans joined", "Attended a class", "Participation 活动参与率", "Paid since");
        foreach (var g in report.LeadGroups)
        {
            groups.AddRow(g.GroupId, N(g.Members), N(g.Attendees), Pct(g.Participation), N(g.Customers));
        }

        console.Write(groups);
        RhythmView.Render(report, console, border);

        if (!report.Campaigns.IsEmpty)
        {
            Section(console, "The campaign month 活动排期: bootcamp, marketing class, flash sale, group buy");
            var plays = Table(border, 3, "Play", "Kind", "Stage", "Took part", "Orders", "Revenue", "Outcome");
            foreach (var p in report.Campaigns)
            {
                plays.AddRow(p.Play, p.Kind, p.Stage, N(p.Participants), N(p.Orders), p.Revenue.ToString(), p.Result);
            }

            console.Write(plays);
        }

        Section(console, "Revenue by rung of the product ladder 四款递进产品 and by membership");
        console.Write(Chart("Revenue (CNY)", report.Revenue.Select(r => (r.Label, (double)r.Amount.Amount)), Color.Green));
        var revenue = Table(border, 2, "Rung / membership", "What it sells", "Orders", "Revenue");
        foreach (var r in report.Revenue)
        {
            revenue.AddRow(r.Label, r.Offer, N(r.Orders), r.Amount.ToString());
        }

        revenue.AddRow("Total sales", "", N(report.Revenue.Sum(r => r.Orders)), report.TotalRevenue.ToString());
        revenue.AddRow("Membership refunds", "", "", (-report.Refunded).ToString());
        revenue.AddRow("Net of refunds", "", "", (report.TotalRevenue - report.Refunded).ToString());
        console.Write(revenue);

        Section(console, "Memberships (MembershipDesk): VIP 3,600 and KA 120,000 a year, the 399 gift pack");
        var memberships = Table(border, 1, "Tier", "New", "Renewed", "Upgraded into", "Refunded", "Expired", "Active at the end");
        foreach (var m in report.Memberships)
        {
            memberships.AddRow(m.TierId, N(m.New), N(m.Renewed), N(m.UpgradedInto), N(m.Refunded), N(m.Expired), N(m.ActiveAtEnd));
        }

        console.Write(memberships);
        var ob = report.Onboarding;
        console.WriteLine(string.Create(Invariant, $"Onboarding 四层沉淀: {N(ob.Started)} started, {N(ob.Completed)} in the big group, {N(ob.Stalled)} stalled at a step, {N(ob.NicknameRefusals)} self-introductions refused for the nickname format 城市-行业-姓名."));

        Section(console, "Measured from the events 社群数据指标 (CommunityMetrics)");
        var sales = Table(border, 1, "Channel", "Traffic", "Orders", "Buyers", "Conversion", "Average order", "Sales");
        foreach (var c in report.Sales.Channels.Append(report.Sales.Total))
        {
            sales.AddRow(c.Channel == Metrics.SalesReport.AllChannels ? "All channels" : c.Channel, N(c.Traffic), N(c.Orders), N(c.Buyers), Pct(c.Conversion), c.AverageOrderValue?.ToString() ?? "—", c.Sales.ToString());
        }

        console.Write(sales);
        var a = report.Aarrr;
        var aarrr = Table(border, 1, "AARRR over the run", "Value");
        aarrr.AddRow("Acquisition: people registered", N(a.Acquired));
        aarrr.AddRow("Activation: a fan within 7 days", Pct(a.ActivationRate));
        aarrr.AddRow("Retention: active last period and again", Pct(a.RetentionRate));
        aarrr.AddRow("Revenue per buyer (ARPU)", a.AverageRevenuePerBuyer?.ToString() ?? "—");
        aarrr.AddRow("Repeat purchase 复购率", Pct(a.RepeatPurchaseRate));
        aarrr.AddRow("Referral: share of new customers referred", Pct(a.ReferralShare));
        aarrr.AddRow("K-factor", a.KFactor is { } k ? k.ToString("0.00", Invariant) : "—");
        aarrr.AddRow("Churn of paying members", Pct(a.Churn));
        aarrr.AddRow("Lifetime value = ARPU ÷ churn", a.LifetimeValue?.ToString() ?? "—");
        console.Write(aarrr);
        var segments = report.Segments;
        var versus = segments.MembersAgainstCustomers;
        var segment = Table(border, 1, "Members against ordinary customers 会员 vs 普通客户", "Buyers", "Orders", "Orders per buyer", "Average order", "Revenue per buyer", "Lifetime value");
        foreach (var s in new[] { versus.Members, versus.Customers }.Concat(segments.ByTier.Where(t => t.Segment != Metrics.SegmentReport.NoTier)))
        {
            var label = s.Segment switch
            {
                Metrics.SegmentReport.AnyTier => "Members (any tier)",
                Metrics.SegmentReport.NoTier => "Ordinary customers (no tier)",
                _ => $"  holding {s.Segment}",
            };
            segment.AddRow(label, N(s.Buyers), N(s.Orders), s.OrdersPerBuyer is { } f ? f.ToString("0.00", Invariant) : "—", s.AverageOrderValue?.ToString() ?? "—", s.RevenuePerBuyer?.ToString() ?? "—", s.LifetimeValue?.ToString() ?? "—");
        }

        console.Write(segment);
        console.WriteLine($"Members buy {Times(versus.FrequencyRatio)} as often as ordinary customers, at {Times(versus.OrderValueRatio)} the order value.");
        if (report.Renewals is { } renewals)
        {
            var renewal = Table(border, 1, $"Renewal 续费率, terms ended in {renewals.Period}", "Due", "Renewed", "Rate");
            foreach (var r in renewals.ByTier.Append(renewals.Total))
            {
                renewal.AddRow(r.Tier ?? "All tiers", N(r.Due), N(r.Renewed), Pct(r.RenewalRate));
            }

            console.Write(renewal);
        }

        Section(console, "Month by month");
        var team = !report.RanksAtEnd.IsEmpty;
        var months = Table(border, 1, ["Month", "Arrivals", "New customers", "New members", "Revenue", "Commission", "Paid out", "Network", "Depth", .. team ? ["Ranked"] : Array.Empty<string>()]);
        foreach (var m in report.Months)
        {
            months.AddRow([m.Label, N(m.Arrivals), N(m.NewCustomers), N(m.NewMembers), m.Revenue.ToString(), m.Commission.ToString(), m.PaidOut.ToString(), N(m.NetworkSize), N(m.NetworkDepth), .. team ? [N(m.Ranked)] : Array.Empty<string>()]);
        }

        console.Write(months);
        console.Write(Chart("Revenue by month (CNY)", report.Months.Select(m => (m.Label, (double)m.Revenue.Amount)), Color.Green));

        if (team)
        {
            Section(console, "Ranks 团队级别 at the end of the run (qualified at every month end from the month's volumes; the highest reached is kept)");
            var ranks = Table(border, 2, "Rank", "Qualifies with", "Differential", "Members");
            foreach (var r in report.RanksAtEnd)
            {
                ranks.AddRow(r.Rank.ToString(), Rules(r.Rank), r.Rank.DifferentialRate.ToString(), N(r.Members));
            }

            console.Write(ranks);
            console.Write(Chart("Members by rank", report.RanksAtEnd.Select(r => (r.Rank.ToString(), (double)r.Members)), Color.Purple));
        }

        Section(console, "Commission by rule kind: levels 上下层级, rank differential 级差, peer bonus 平级奖, roles 角色分成");
        var kinds = Table(border, 1, "Kind", "Lines", "Amount", "Share");
        foreach (var byKind in report.CommissionByKind)
        {
            kinds.AddRow(Kind(byKind.Kind), N(byKind.Lines), byKind.Amount.ToString(), Pct(report.TotalCommission.IsZero ? null : Rate.Of(byKind.Amount, report.TotalCommission)));
        }

        console.Write(kinds);
        if (!report.CommissionByKind.IsEmpty)
        {
            console.Write(Chart("Commission by kind (CNY)", report.CommissionByKind.Select(k => (Kind(k.Kind), (double)k.Amount.Amount)), Color.Orange1));
        }

        Section(console, "Commission by rule (levels accrued with each order, rank lines at each month end; frozen, then settled by withdrawal)");
        var rules = Table(border, 1, "Rule", "Lines", "Amount");
        foreach (var r in report.CommissionByRule)
        {
            rules.AddRow(r.Rule, N(r.Lines), r.Amount.ToString());
        }

        console.Write(rules);
        if (!report.CommissionByRule.IsEmpty)
        {
            console.Write(Chart("Commission by rule (CNY)", report.CommissionByRule.Select(r => (r.Rule, (double)r.Amount.Amount)), Color.Orange1));
        }

        console.WriteLine($"Commissionable bases {report.TotalBase} = commission lines {report.TotalCommission} + retained by the company {report.TotalRetained}.");
        if (report.PlayRewards.IsPositive)
        {
            console.WriteLine($"Campaign rewards paid through the ledger on top (group-buy leader rebate): {report.PlayRewards}.");
        }
        console.WriteLine($"Reversed by refunds {report.CommissionReversed}; paid out {report.CommissionPaidOut}; members' net earnings in the ledger {report.LedgerNetEarned}{(report.OwedBack.IsZero ? "" : $"; owed back after payout (clawback) {report.OwedBack}")}.");

        Section(console, "Top earners, and the commission lines that made their total");
        foreach (var e in report.TopEarners)
        {
            console.WriteLine(string.Create(Invariant, $"Member {e.Member} ({Stage(e.Stage)}): {e.Earned} net, from {N(e.Entries.Length)} lines{(e.Reversed.IsZero ? "" : $", {e.Reversed} reversed by refunds")}"));
            var lines = Table(border, 3, "Order line", "Buyer", "Rule", "Reward", "Base", "Amount");
            var shown = e.Explained.Take(LinesPerEarner).ToList();
            foreach (var (l, buyer) in shown)
            {
                lines.AddRow(l.OrderLineId, buyer.ToString(), l.Rule, l.Reward.ToString(), l.Basis.ToString(), l.Amount.ToString());
            }

            // The rest straight from the ledger's entries, by rule.
            var rest = e.Entries.Where(entry => !shown.Any(x => x.Line.Key == entry.Key)).ToList();
            if (rest.Count > 0)
            {
                lines.AddRow($"… {N(rest.Count)} more", "", string.Join(", ", rest.GroupBy(l => l.Key.Rule, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{N(g.Count())}")), "", "", Money.Sum(rest.Select(l => l.Amount), Currency.CNY).ToString());
            }

            console.Write(lines);
            if (e.Rank is { } rank)
            {
                console.WriteLine($"  Rank at the end of the run: {rank.Held?.ToString() ?? "none"}{(rank.KeptFromPrevious ? $" (kept from an earlier month; this month qualifies for {rank.Qualified?.ToString() ?? "none"})" : "")}");
                foreach (var assessment in rank.Assessments)
                {
                    console.WriteLine($"    {(assessment.Qualified ? "✓" : "✗")} {assessment.Rank}: {string.Join("; ", assessment.Checks.Select(Check))}");
                }
            }
        }

        Section(console, "Compliance 合规检查 (a report against public rules, not legal advice)");
        var plan = Table(border, 3, "Profile", "The plan", "The run's payouts");
        for (var i = 0; i < report.PlanCompliance.Length; i++)
        {
            plan.AddRow(report.PlanCompliance[i].Profile.Name, Findings(report.PlanCompliance[i]), Findings(report.RunCompliance[i]));
        }

        console.Write(plan);
        var capped = report.RunCompliance.Where(p => p.Profile.PayoutCap is not null).ToList();
        var ratio = report.PayoutRatio ?? Rate.Zero;
        console.WriteLine($"Payout ratio of the run: {Pct(report.PayoutRatio)} of sales paid as commission.");
        if (capped.Count > 0)
        {
            var chart = new ProportionalBarChart("Payout ratio against each cap (%)", BarWidth);
            chart.Add("This run", (double)Math.Round(ratio.Fraction * 100m, 1), Color.Orange1);
            foreach (var p in capped)
            {
                chart.Add($"cap: {p.Profile.Name}", (double)Math.Round(p.Profile.PayoutCap!.Value.Fraction * 100m, 1), ratio.Fraction > p.Profile.PayoutCap.Value.Fraction ? Color.Red : Color.Green);
            }

            console.Write(chart);
        }

        console.WriteLine(string.Create(Invariant, $"{N(report.EventCount)} domain events recorded."));
    }

    internal static void Section(IAnsiConsole console, string title)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
    }

    // The first `textColumns` columns are left-aligned text; the rest are right-aligned figures.
    internal static Table Table(TableBorder border, int textColumns, params string[] columns)
    {
        var table = new Table().Border(border);
        foreach (var c in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)));
        }

        for (var i = textColumns; i < columns.Length; i++)
        {
            table.Columns[i].RightAligned();
        }

        return table;
    }

    internal static ProportionalBarChart Chart(string label, IEnumerable<(string Label, double Value)> items, Color color)
    {
        var chart = new ProportionalBarChart(label, BarWidth);
        foreach (var (l, v) in items)
        {
            chart.Add(l, Math.Round(v, 2), color);
        }

        return chart;
    }

    internal static void AddRow(this Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)));

    private static string Findings(ProfileFindings findings) =>
        findings.Findings.IsEmpty ? "no findings"
        : string.Join("; ", findings.Findings.GroupBy(f => (f.Code, f.Severity)).OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => g.Count() <= 3 ? string.Join("; ", g.Select(f => $"{g.Key.Code} {g.Key.Severity}: {f.Message}")) : $"{g.Key.Code} {g.Key.Severity} ×{N(g.Count())}: {g.First().Message}"));

    private static string Kind(CommissionRuleKind kind) => kind switch
    {
        CommissionRuleKind.Level => "Level 上下层级",
        CommissionRuleKind.Differential => "Differential 级差",
        CommissionRuleKind.Peer => "Peer bonus 平级奖",
        CommissionRuleKind.Role => "Role 角色分成",
        CommissionRuleKind.Staff => "Staff 员工分润",
        _ => kind.ToString(),
    };

    private static string Rules(Rank rank)
    {
        var rules = new List<string>();
        if (rank.MinPersonalVolume is { } personal)
        {
            rules.Add($"personal volume ≥ {personal}");
        }

        if (rank.MinTeamVolume is { } teamVolume)
        {
            rules.Add($"team volume ≥ {teamVolume}");
        }

        if (rank.MinDirectReferrals > 0)
        {
            rules.Add(string.Create(Invariant, $"{rank.MinDirectReferrals} direct referral{(rank.MinDirectReferrals == 1 ? "" : "s")}"));
        }

        if (rank.MinQualifiedLegs > 0)
        {
            rules.Add(string.Create(Invariant, $"{rank.MinQualifiedLegs} leg{(rank.MinQualifiedLegs == 1 ? "" : "s")} with a {rank.LegRank}+"));
        }

        return rules.Count == 0 ? "everyone" : string.Join(", ", rules);
    }

    // Volumes are in minor units (fen): shown as money; counts as they are.
    private static string Check(QualificationCheck check)
    {
        var money = check.Rule is QualificationRule.PersonalVolume or QualificationRule.TeamVolume;
        string Value(long v) => money ? Money.FromMinorUnits(v, Currency.CNY).ToString() : N(v);
        var what = check.LegRank is null ? check.Rule.ToString() : $"{check.Rule} ({check.LegRank}+)";
        return $"{what} {Value(check.Actual)} of {Value(check.Required)} {(check.Held ? "held" : "failed")}";
    }

    private static string Stage(LifecycleStage stage)
    {
        var name = ValueChain.DisplayName(stage);
        return $"{name.English} {name.Chinese}";
    }

    private static string Times(decimal? ratio) => ratio is { } r ? r.ToString("0.00×", Invariant) : "—";

    internal static string N(long value) => value.ToString("N0", Invariant);

    internal static string Pct(Rate? rate) => rate is { } r ? r.ToString("P1", Invariant) : "—";
}
