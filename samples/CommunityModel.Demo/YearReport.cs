using System.Collections.Immutable;
using CommunityModel.Commissions.Compliance;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Lifecycle;
using CommunityModel.Metrics;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Demo;

/// <summary>Everything the year produced, as data: the console view and the tests read the same record.</summary>
public sealed record YearReport
{
    /// <summary>The options the year ran with.</summary>
    public required DemoOptions Options { get; init; }

    /// <summary>The commission plan's name and where it came from.</summary>
    public required string PlanName { get; init; }

    /// <summary>Where the plan came from (built-in or a file name).</summary>
    public required string PlanSource { get; init; }

    /// <summary>The first day of the run and the day after its last (local dates, Asia/Shanghai).</summary>
    public required MetricsPeriod Period { get; init; }

    /// <summary>Members already there on the first day (founders and last year's members).</summary>
    public required int ExistingMembers { get; init; }

    /// <summary>Prospects brought in by bought traffic during the run.</summary>
    public required int BoughtProspects { get; init; }

    /// <summary>Prospects referred by members during the run.</summary>
    public required int ReferredProspects { get; init; }

    /// <summary>The value-chain funnel of the people who arrived during the run (<see cref="CommunityMetrics"/>).</summary>
    public required FunnelReport Funnel { get; init; }

    /// <summary>Sales = traffic × conversion × average order value, for bought traffic and for referrals (<see cref="CommunityMetrics"/>).</summary>
    public required SalesReport Sales { get; init; }

    /// <summary>Acquisition, activation, retention, revenue and referral over the run (<see cref="CommunityMetrics"/>).</summary>
    public required AarrrReport Aarrr { get; init; }

    /// <summary>Members against ordinary customers: buyers, order frequency, order value and lifetime value, by tier and by stage (<see cref="CommunityMetrics"/>).</summary>
    public required SegmentReport Segments { get; init; }

    /// <summary>Renewal rates per tier of the terms that ended at least the grace before the run's end; <see langword="null"/> for runs too short.</summary>
    public required RenewalReport? Renewals { get; init; }

    /// <summary>Everyone's stage on the last day; the counts add up to every person.</summary>
    public required ImmutableArray<StageCount> StagesAtEnd { get; init; }

    /// <summary>The lead groups (引流群) as they filled.</summary>
    public required ImmutableArray<LeadGroupLine> LeadGroups { get; init; }

    /// <summary>The campaign month's plays (a bootcamp, a marketing class, a flash sale, a group buy's groups) and how each went.</summary>
    public ImmutableArray<PlayOutcome> Campaigns { get; init; } = [];

    /// <summary>The last month's activity calendar of the classes, reviewed (复盘); <see langword="null"/> when no class was founded.</summary>
    public Calendar.CalendarReview? Calendar { get; init; }

    /// <summary>The work pipeline at the end: fans with a full care team (推广员, 培训师, 管理员) and the orders that carried it.</summary>
    public CareTeamSummary? CareTeams { get; init; }

    /// <summary>Sales by rung of the product ladder and by membership.</summary>
    public required ImmutableArray<RevenueLine> Revenue { get; init; }

    /// <summary>Membership refunds paid back.</summary>
    public required Money Refunded { get; init; }

    /// <summary>New, renewed, upgraded, refunded and expired memberships per tier.</summary>
    public required ImmutableArray<MembershipLine> Memberships { get; init; }

    /// <summary>The four-layer onboarding (四层沉淀) of the new members.</summary>
    public required OnboardingSummary Onboarding { get; init; }

    /// <summary>One line a month.</summary>
    public required ImmutableArray<MonthLine> Months { get; init; }

    /// <summary>Paid orders of the run, each accrued by the community as it was paid (those that earn nothing included).</summary>
    public required int OrdersPaid { get; init; }

    /// <summary>Sum of the orders' commissionable bases: what was paid (the plans pay on the amount paid).</summary>
    public required Money TotalBase { get; init; }

    /// <summary>Sum of every commission line entered in the ledger: levels accrued by the community order by order, differential and peer lines by the month ends.</summary>
    public required Money TotalCommission { get; init; }

    /// <summary>What the campaign plays paid through the ledger on top of the plan's lines (the group-buy leader rebate, 团长返利).</summary>
    public Money PlayRewards { get; init; } = Money.Zero(Currency.CNY);

    /// <summary>Commission lines and amounts per rule id, as the ledger holds them (lines above zero).</summary>
    public required ImmutableArray<RuleLine> CommissionByRule { get; init; }

    /// <summary>Commission lines and amounts per rule kind (level, differential, peer), in the plan's order.</summary>
    public required ImmutableArray<KindLine> CommissionByKind { get; init; }

    /// <summary>For a team plan, how many members hold each rank after the last month end, highest rank first; empty for a levels-only plan.</summary>
    public required ImmutableArray<RankCount> RanksAtEnd { get; init; }

    /// <summary>Commission reversed because orders were refunded.</summary>
    public required Money CommissionReversed { get; init; }

    /// <summary>Commission withdrawn and paid out by month ends (settled).</summary>
    public required Money CommissionPaidOut { get; init; }

    /// <summary>Commission reversed after it had been paid out: what members owe back (their negative available balances), netted against later earnings.</summary>
    public required Money OwedBack { get; init; }

    /// <summary>Sum over the ledger's balances of what members earned net of reversals.</summary>
    public required Money LedgerNetEarned { get; init; }

    /// <summary>The members who earned most, with the lines that made their total.</summary>
    public required ImmutableArray<TopEarner> TopEarners { get; init; }

    /// <summary>The plan linted against every profile.</summary>
    public required ImmutableArray<ProfileFindings> PlanCompliance { get; init; }

    /// <summary>The finished run's payouts checked against every profile.</summary>
    public required ImmutableArray<ProfileFindings> RunCompliance { get; init; }

    /// <summary>Total commission ÷ total sales of the run (<see cref="PayoutSummary.OverallRatio"/>).</summary>
    public required Rate? PayoutRatio { get; init; }

    /// <summary>The value chain as a Mermaid state diagram.</summary>
    public required string LifecycleMermaid { get; init; }

    /// <summary>The onboarding process as a Mermaid state diagram.</summary>
    public required string OnboardingMermaid { get; init; }

    /// <summary>Domain events the year produced: the community's (lifecycle, memberships, orders, referrals, ledger, facts), onboarding, month ends.</summary>
    public required int EventCount { get; init; }

    /// <summary>What the company retained on every order: the bases minus the commission.</summary>
    public Money TotalRetained => TotalBase - TotalCommission;

    /// <summary>Gross sales of the run.</summary>
    public Money TotalRevenue => Money.Sum(Revenue.Select(r => r.Amount), Currency.CNY);
}

/// <summary>How many people are in a stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="People">How many.</param>
public sealed record StageCount(LifecycleStage Stage, int People);

/// <summary>A lead group: who joined, who came to its public classes, who bought.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="Members">Fans who joined it.</param>
/// <param name="Attendees">Distinct members who attended one of its public classes.</param>
/// <param name="Participation">Attendees ÷ members (活动参与率), from <see cref="ActivityParticipation"/>.</param>
/// <param name="Customers">Members of the group who made a paid purchase.</param>
public sealed record LeadGroupLine(string GroupId, int Members, long Attendees, Rate Participation, int Customers);

/// <summary>Sales of one rung of the ladder or one membership tier.</summary>
/// <param name="Label">The rung or tier.</param>
/// <param name="Offer">What it sells: the rung's products and prices, or the membership's price per term.</param>
/// <param name="Orders">Orders.</param>
/// <param name="Amount">What was paid.</param>
public sealed record RevenueLine(string Label, string Offer, int Orders, Money Amount);

/// <summary>Membership movements of one tier.</summary>
/// <param name="TierId">The tier.</param>
/// <param name="New">Purchases.</param>
/// <param name="Renewed">Renewals.</param>
/// <param name="UpgradedInto">Upgrades into this tier.</param>
/// <param name="Refunded">Refunds.</param>
/// <param name="Expired">Memberships that lapsed.</param>
/// <param name="ActiveAtEnd">Active on the last day.</param>
public sealed record MembershipLine(string TierId, int New, int Renewed, int UpgradedInto, int Refunded, int Expired, int ActiveAtEnd);

/// <summary>The onboarding of new members.</summary>
/// <param name="Started">Onboardings started.</param>
/// <param name="Completed">Pulled into the big group.</param>
/// <param name="Stalled">Waiting at one step longer than the process allows (<c>OnboardingProcess.Stalled</c>).</param>
/// <param name="NicknameRefusals">Self-introductions refused because the nickname did not follow 城市-行业-姓名.</param>
public sealed record OnboardingSummary(int Started, int Completed, int Stalled, int NicknameRefusals);

/// <summary>One month of the run.</summary>
/// <param name="Label">e.g. <c>2026-03</c>.</param>
/// <param name="Arrivals">Prospects who arrived.</param>
/// <param name="NewCustomers">First paid purchases.</param>
/// <param name="NewMembers">New memberships (purchases).</param>
/// <param name="Revenue">Sales.</param>
/// <param name="Commission">Commission entered in the month: accrued with each paid order, plus the month end's differential and peer lines.</param>
/// <param name="PaidOut">Commission withdrawn and paid at the month end.</param>
/// <param name="NetworkSize">Members in the referral network's snapshot at the month end.</param>
/// <param name="NetworkDepth">The deepest referral chain in that snapshot.</param>
/// <param name="Ranked">Members holding a rank after the month end's qualification (0 for a plan without ranks).</param>
public sealed record MonthLine(string Label, int Arrivals, int NewCustomers, int NewMembers, Money Revenue, Money Commission, Money PaidOut, int NetworkSize, int NetworkDepth, int Ranked);

/// <summary>Commission by rule.</summary>
/// <param name="Rule">The rule id, e.g. <c>three-level/level-1</c>.</param>
/// <param name="Lines">Commission lines.</param>
/// <param name="Amount">Their sum.</param>
public sealed record RuleLine(string Rule, int Lines, Money Amount);

/// <summary>An earner, their total, and the ledger entries that made it, the first few orders explained.</summary>
/// <param name="Member">The earner.</param>
/// <param name="Stage">Their stage on the last day.</param>
/// <param name="Earned">Net earned in the ledger (entries minus reversals).</param>
/// <param name="Reversed">Reversed by refunds.</param>
/// <param name="Entries">Their ledger entries, in the order accrued.</param>
public sealed record TopEarner(MemberId Member, LifecycleStage Stage, Money Earned, Money Reversed, ImmutableArray<LedgerEntry> Entries)
{
    /// <summary>Their lines on the first few orders of <see cref="Entries"/>, explained on demand by the per-order calculator over the ranks of the month they were paid in.</summary>
    public ImmutableArray<ExplainedLine> Explained { get; init; } = [];

    /// <summary>For a team plan, how the member's rank at the year end was qualified: every rank's rules, required against actual; <see langword="null"/> otherwise.</summary>
    public RankQualification? Rank { get; init; }
}

/// <summary>A commission line explained, with the buyer whose order paid it.</summary>
/// <param name="Line">The line, as the per-order calculator explains it (a differential or peer line under the order's month-end ledger line).</param>
/// <param name="Buyer">Who bought.</param>
public sealed record ExplainedLine(CommissionLine Line, MemberId Buyer);

/// <summary>Commission paid by one kind of rule.</summary>
/// <param name="Kind">Level, differential or peer.</param>
/// <param name="Lines">Lines paid.</param>
/// <param name="Amount">Their total.</param>
public sealed record KindLine(CommissionRuleKind Kind, int Lines, Money Amount);

/// <summary>How many members hold a rank.</summary>
/// <param name="Rank">The rank.</param>
/// <param name="Members">Members holding it.</param>
public sealed record RankCount(Rank Rank, int Members);

/// <summary>The findings of one compliance profile.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Findings">What it found.</param>
public sealed record ProfileFindings(ComplianceProfile Profile, ImmutableArray<ComplianceFinding> Findings);
