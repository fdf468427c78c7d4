using System.Collections.Immutable;
using CommunityModel.Campaigns;
using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Campaigns.GroupBuys;
using CommunityModel.Campaigns.MarketingClasses;
using CommunityModel.Campaigns.Bootcamps;
using CommunityModel.Campaigns.Surveys;
using CommunityModel.Campaigns.FlashGroups;
using CommunityModel.Catalog;
using CommunityModel.Credits;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Metrics;
using CommunityModel.Onboarding;
using CommunityModel.Organisation;
using CommunityModel.Referrals;
using CommunityModel.StandardWork;

namespace CommunityModel.Tests.Persistence;

/// <summary>One instance of every event type of the core package, every field set, for round-trip tests.</summary>
public static class CommunityEventSamples
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(8));
    private static readonly TermPeriod Year = new(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1));

    public static ImmutableArray<IDomainEvent> All { get; } =
    [
        new ProductPurchased(7, "o-1", "course-1", ProductKind.OnlineCourse, LadderTier.Entry, Money.Cny(399m), Money.Cny(359.10m), At, "launch") { Play = "fs-1", PlayKind = PlayKind.FlashSale },
        new ProductRefunded(7, "o-1", "r-1", Money.Cny(100m), At),
        new MemberNumberIssued(7, "VIP-000001", At),
        new MemberTransitioned(7, LifecycleStage.Prospect, LifecycleStage.Member, LifecycleTrigger.BoughtMembership, "bought VIP", At, 2, [LifecycleStage.Fan, LifecycleStage.Customer]),
        new OnboardingStepCompleted(7, OnboardingStep.AwaitingServiceGroup, OnboardingStep.AwaitingCustomerService, OnboardingTrigger.ServiceGroupCreated, At, 3, StaffRoles.Sales | StaffRoles.Supervisor, "小明"),
        new MembershipPurchased(7, "vip", Year, Money.Cny(3600m), Money.Cny(0m), At, "referral price", "o-2"),
        new MembershipRenewed(7, "vip", Year, Money.Cny(3600m), Money.Cny(12.34m), At, "loyalty", "o-3"),
        new MembershipUpgraded(7, "vip", "ka", Year, Money.Cny(120000m), Money.Cny(3000m), Money.Cny(117000m), At, "o-4"),
        new UpgradeCredited(7, "vip", Money.Cny(3000m), Money.Cny(600m), At),
        new TierChangeScheduled(7, "vip", new DateOnly(2027, 3, 1), At),
        new MembershipExpired(7, "vip", new DateOnly(2027, 3, 1), At),
        new MembershipRefunded(7, "vip", Money.Cny(1800m), RefundBasis.ProRata, Money.Cny(200m), At, "r-2"),
        new PromoterRightsGranted(7, "gift", Rate.FromPercent(15), At, Money.Cny(999m), "event price", "o-5"),
        new PromoterRightsRevoked(7, "rule breach", At),
        new MembershipSuspended(7, "rule breach", At),
        new MembershipReinstated(7, "review passed", At),
        new EntitlementGranted(7, "course-1", 3, Money.Cny(399m), Year, At),
        new EntitlementConsumed(7, "course-1", "k-1", Year, new DateOnly(2026, 4, 1), At),
        new EntitlementRevoked(7, "course-1", Year, 2, At),
        new EntitlementExpired(7, "course-1", Year, 1, At),
        new MemberRegistered(8, 7, At),
        new SponsorBound(8, 9, 7, At),
        new SponsorReassigned(8, 7, 9, "merged accounts", At),
        new ReferralLocked(8, At),
        new ReferralMembershipStarted(8, 9, "order-9", At),
        new PromoterQualified(8, PromoterBasis.Spending, "o-9", At),
        new PromoterRevoked(8, "refund r-9", At),
        new CreditsEarned(7, 8, "o-6", "ka", Money.Cny(120000m), 100, 12000, 5000, At.AddDays(365), At),
        new CreditsRedeemed(7, "x-1", "bootcamp", 800, At),
        new CreditsExpired(7, "o-6", 50, At),
        new CreditsReversed(7, "o-6", "r-6", Money.Cny(60000m), 8550, At),
        new GroupFounded("class-1", GroupKind.Class, "hq", "一班 Class one", At),
        new MemberJoinedGroup(7, "class-1", At),
        new MemberMovedGroup(7, "class-1", "squad-1", "balance the squads", At),
        new MemberLeftGroup(7, "squad-1", "moved away", At),
        new LeaderAppointed("class-1", 7, "elected: election 'e-1'", At.AddDays(180), At),
        new LeaderVacated("class-1", 7, "term ended", At),
        new ElectionOpened("e-1", "class-1", [7, 8], [7, 8, 9], At),
        new VoteCast("e-1", 9, 7, At),
        new ElectionDecided("e-1", ElectionOutcome.Elected, 7, [new(7, 2), new(8, 1)], Rate.FromPercent(100), At),
        new ActivityRegistered("a-1", "class-1", 7, "Public class", "selling memberships", At.AddDays(2), At.AddDays(2).AddHours(2), At),
        new ActivityApproved("a-1", "hq-admin", At),
        new ActivityRejected("a-2", "no room", At),
        new ActivityHeld("a-1", At.AddDays(2)),
        new ReplyAdded("vip", ["VIP", "会员"], "VIP 年费 ¥3,600", "ops", At),
        new ReplyRevised("vip", "VIP 年费 ¥3,600，含线下课", At),
        new ReplyRetired("vip", "renamed", At),
        new QuestionUnanswered("什么时候开课？", At),
        new FlashSaleScheduled("fs-1", "course-1", Money.Cny(99m), At, At.AddHours(1), 100, 2, At),
        new FlashSaleOpened("fs-1", At),
        new FlashSaleSold("fs-1", 7, "o-7", Money.Cny(99m), At),
        new FlashSaleSoldOut("fs-1", 100, At),
        new FlashSaleClosed("fs-1", 100, "window ended", At),
        new GroupBuyScheduled("gb-1", "course-1", Money.Cny(990m), 3, TimeSpan.FromHours(24), 1, 30, Money.Cny(50m), true, At, At.AddDays(7), At),
        new GroupBuyGroupOpened("gb-1", "g-1", 7, true, At.AddHours(24), At),
        new GroupBuyJoined("gb-1", "g-1", 8, "o-8", Money.Cny(990m), At),
        new GroupBuyCompleted("gb-1", "g-1", 3, true, 1, Money.Cny(2970m), Money.Cny(50m), At),
        new GroupBuyRefunded("gb-1", "g-2", [new GroupBuyRefund(8, "o-9", Money.Cny(990m))], At),
        new MarketingClassScheduled("mc-1", "Java 就业公开课", "course-1", Money.Cny(1980m), At, At),
        new MarketingClassWentLive("mc-1", At),
        new MarketingClassEnded("mc-1", At.AddHours(3), At),
        new MarketingClassSold("mc-1", 7, "o-10", Money.Cny(1980m), At),
        new MarketingClassClosed("mc-1", false, "follow-up window ended", At),
        new BootcampScheduled("bc-1", "Java 入门训练营", "course-1", Money.Cny(199m), ["s-1", "s-2", "s-3"], At),
        new BootcampEnrolled("bc-1", 7, "o-11", Money.Cny(199m), At),
        new BootcampStarted("bc-1", At),
        new BootcampAttended("bc-1", "s-1", 7, At),
        new BootcampFinished("bc-1", At),
        new BootcampCancelled("bc-2", "no enrolments", At),
        new SurveyOpened("sv-1", "学习需求调研", [new SurveyQuestion("q-1", "想转行吗？", ["是", "否"])], new IntentRule([new IntentCondition("q-1", ["是"])], 1), At),
        new SurveyAnswered("sv-1", 7, [new SurveyAnswer("q-1", "是")], true, At),
        new SurveyClosed("sv-1", 1, At),
        new FlashGroupOpened("fg-1", "双十一快闪群", At.AddDays(3), At),
        new FlashGroupJoined("fg-1", 7, At),
        new FlashGroupDissolved("fg-1", true, "campaign over", 1, At),
        new PurchaseMade(7, Money.Cny(359.10m), "wechat", At),
        new MembershipTermStarted(7, "vip", At, At.AddYears(1), At),
        new ActivityRecorded(7, At),
        new AttendanceRecorded(7, "live-1", "group-1", At),
        new TrafficRecorded("douyin", 1200, At),
        new ReferralRecorded(7, 8, At),
        new InvitationSent(7, "i-1", At),
        new InvitationAccepted("i-1", 8, At),
        new CommunityModel.Roles.WorkRoleGranted(7, CommunityModel.Roles.WorkRole.Trainer, At),
        new CommunityModel.Roles.WorkRoleRevoked(7, CommunityModel.Roles.WorkRole.Trainer, "moved to managing", At),
        new CommunityModel.Roles.CareAssigned(8, CommunityModel.Roles.WorkRole.Manager, 7, At),
        new CommunityModel.Roles.ActivityOrganised(7, "mc-0310", At),
        new CommunityModel.Calendar.LeadFlagged(8, "live-1", "survey: wants to enrol", At),
    ];
}
