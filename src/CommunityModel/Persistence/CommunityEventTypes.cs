using CommunityModel.Campaigns.FlashSales;
using CommunityModel.Campaigns.GroupBuys;
using CommunityModel.Campaigns.MarketingClasses;
using CommunityModel.Campaigns.Bootcamps;
using CommunityModel.Campaigns.Surveys;
using CommunityModel.Campaigns.FlashGroups;
using CommunityModel.StandardWork;
using CommunityModel.Organisation;
using System.Collections.Immutable;
using CommunityModel.Roles;

namespace CommunityModel.Persistence;

/// <summary>
/// The stable, versioned name of every event of the core package, with its metadata from <see cref="CommunityJsonContext"/>.
/// Give it to an <see cref="EventTypeRegistry"/>, with the lists of the other packages the application uses.
/// </summary>
public static class CommunityEventTypes
{
    /// <summary>Every event type of the core package.</summary>
    public static ImmutableArray<EventType> All { get; } =
    [
        // Community
        new("community.product_purchased.v1", CommunityJsonContext.Default.ProductPurchased),
        new("community.product_refunded.v1", CommunityJsonContext.Default.ProductRefunded),
        new("community.member_number_issued.v1", CommunityJsonContext.Default.MemberNumberIssued),

        // Lifecycle and onboarding
        new("lifecycle.member_transitioned.v1", CommunityJsonContext.Default.MemberTransitioned),
        new("onboarding.step_completed.v1", CommunityJsonContext.Default.OnboardingStepCompleted),

        // Memberships
        new("membership.purchased.v1", CommunityJsonContext.Default.MembershipPurchased),
        new("membership.renewed.v1", CommunityJsonContext.Default.MembershipRenewed),
        new("membership.upgraded.v1", CommunityJsonContext.Default.MembershipUpgraded),
        new("membership.upgrade_credited.v1", CommunityJsonContext.Default.UpgradeCredited),
        new("membership.tier_change_scheduled.v1", CommunityJsonContext.Default.TierChangeScheduled),
        new("membership.expired.v1", CommunityJsonContext.Default.MembershipExpired),
        new("membership.refunded.v1", CommunityJsonContext.Default.MembershipRefunded),
        new("membership.promoter_rights_granted.v1", CommunityJsonContext.Default.PromoterRightsGranted),
        new("membership.promoter_rights_revoked.v1", CommunityJsonContext.Default.PromoterRightsRevoked),
        new("membership.suspended.v1", CommunityJsonContext.Default.MembershipSuspended),
        new("membership.reinstated.v1", CommunityJsonContext.Default.MembershipReinstated),
        new("membership.entitlement_granted.v1", CommunityJsonContext.Default.EntitlementGranted),
        new("membership.entitlement_consumed.v1", CommunityJsonContext.Default.EntitlementConsumed),
        new("membership.entitlement_revoked.v1", CommunityJsonContext.Default.EntitlementRevoked),
        new("membership.entitlement_expired.v1", CommunityJsonContext.Default.EntitlementExpired),

        // Referrals
        new("referral.member_registered.v1", CommunityJsonContext.Default.MemberRegistered),
        new("referral.sponsor_bound.v1", CommunityJsonContext.Default.SponsorBound),
        new("referral.sponsor_reassigned.v1", CommunityJsonContext.Default.SponsorReassigned),
        new("referral.locked.v1", CommunityJsonContext.Default.ReferralLocked),
        new("referral.referral_membership_started.v1", CommunityJsonContext.Default.ReferralMembershipStarted),
        new("referral.promoter_qualified.v1", CommunityJsonContext.Default.PromoterQualified),
        new("referral.promoter_revoked.v1", CommunityJsonContext.Default.PromoterRevoked),

        // Referral credits
        new("credits.earned.v1", CommunityJsonContext.Default.CreditsEarned),
        new("credits.redeemed.v1", CommunityJsonContext.Default.CreditsRedeemed),
        new("credits.expired.v1", CommunityJsonContext.Default.CreditsExpired),
        new("credits.reversed.v1", CommunityJsonContext.Default.CreditsReversed),
        new("organisation.group_founded.v1", CommunityJsonContext.Default.GroupFounded),
        new("organisation.member_joined.v1", CommunityJsonContext.Default.MemberJoinedGroup),
        new("organisation.member_moved.v1", CommunityJsonContext.Default.MemberMovedGroup),
        new("organisation.member_left.v1", CommunityJsonContext.Default.MemberLeftGroup),
        new("organisation.leader_appointed.v1", CommunityJsonContext.Default.LeaderAppointed),
        new("organisation.leader_vacated.v1", CommunityJsonContext.Default.LeaderVacated),
        new("organisation.election_opened.v1", CommunityJsonContext.Default.ElectionOpened),
        new("organisation.vote_cast.v1", CommunityJsonContext.Default.VoteCast),
        new("organisation.election_decided.v1", CommunityJsonContext.Default.ElectionDecided),
        new("organisation.activity_registered.v1", CommunityJsonContext.Default.ActivityRegistered),
        new("organisation.activity_approved.v1", CommunityJsonContext.Default.ActivityApproved),
        new("organisation.activity_rejected.v1", CommunityJsonContext.Default.ActivityRejected),
        new("organisation.activity_held.v1", CommunityJsonContext.Default.ActivityHeld),
        new("standardwork.reply_added.v1", CommunityJsonContext.Default.ReplyAdded),
        new("standardwork.reply_revised.v1", CommunityJsonContext.Default.ReplyRevised),
        new("standardwork.reply_retired.v1", CommunityJsonContext.Default.ReplyRetired),
        new("standardwork.question_unanswered.v1", CommunityJsonContext.Default.QuestionUnanswered),

        // Campaign plays
        new("campaign.flash_sale_scheduled.v1", CommunityJsonContext.Default.FlashSaleScheduled),
        new("campaign.flash_sale_opened.v1", CommunityJsonContext.Default.FlashSaleOpened),
        new("campaign.flash_sale_sold.v1", CommunityJsonContext.Default.FlashSaleSold),
        new("campaign.flash_sale_sold_out.v1", CommunityJsonContext.Default.FlashSaleSoldOut),
        new("campaign.flash_sale_closed.v1", CommunityJsonContext.Default.FlashSaleClosed),
        new("campaign.group_buy_scheduled.v1", CommunityJsonContext.Default.GroupBuyScheduled),
        new("campaign.group_buy_group_opened.v1", CommunityJsonContext.Default.GroupBuyGroupOpened),
        new("campaign.group_buy_joined.v1", CommunityJsonContext.Default.GroupBuyJoined),
        new("campaign.group_buy_completed.v1", CommunityJsonContext.Default.GroupBuyCompleted),
        new("campaign.group_buy_refunded.v1", CommunityJsonContext.Default.GroupBuyRefunded),
        new("campaign.marketing_class_scheduled.v1", CommunityJsonContext.Default.MarketingClassScheduled),
        new("campaign.marketing_class_went_live.v1", CommunityJsonContext.Default.MarketingClassWentLive),
        new("campaign.marketing_class_ended.v1", CommunityJsonContext.Default.MarketingClassEnded),
        new("campaign.marketing_class_sold.v1", CommunityJsonContext.Default.MarketingClassSold),
        new("campaign.marketing_class_closed.v1", CommunityJsonContext.Default.MarketingClassClosed),
        new("campaign.bootcamp_scheduled.v1", CommunityJsonContext.Default.BootcampScheduled),
        new("campaign.bootcamp_enrolled.v1", CommunityJsonContext.Default.BootcampEnrolled),
        new("campaign.bootcamp_started.v1", CommunityJsonContext.Default.BootcampStarted),
        new("campaign.bootcamp_attended.v1", CommunityJsonContext.Default.BootcampAttended),
        new("campaign.bootcamp_finished.v1", CommunityJsonContext.Default.BootcampFinished),
        new("campaign.bootcamp_cancelled.v1", CommunityJsonContext.Default.BootcampCancelled),
        new("campaign.survey_opened.v1", CommunityJsonContext.Default.SurveyOpened),
        new("campaign.survey_answered.v1", CommunityJsonContext.Default.SurveyAnswered),
        new("campaign.survey_closed.v1", CommunityJsonContext.Default.SurveyClosed),
        new("campaign.flash_group_opened.v1", CommunityJsonContext.Default.FlashGroupOpened),
        new("campaign.flash_group_joined.v1", CommunityJsonContext.Default.FlashGroupJoined),
        new("campaign.flash_group_dissolved.v1", CommunityJsonContext.Default.FlashGroupDissolved),

        // Metrics inputs
        new("metrics.purchase_made.v1", CommunityJsonContext.Default.PurchaseMade),
        new("metrics.membership_term_started.v1", CommunityJsonContext.Default.MembershipTermStarted),
        new("metrics.activity_recorded.v1", CommunityJsonContext.Default.ActivityRecorded),
        new("metrics.attendance_recorded.v1", CommunityJsonContext.Default.AttendanceRecorded),
        new("metrics.traffic_recorded.v1", CommunityJsonContext.Default.TrafficRecorded),
        new("metrics.referral_recorded.v1", CommunityJsonContext.Default.ReferralRecorded),
        new("metrics.invitation_sent.v1", CommunityJsonContext.Default.InvitationSent),
        new("metrics.invitation_accepted.v1", CommunityJsonContext.Default.InvitationAccepted),

        // Work roles
        new("roles.work_role_granted.v1", CommunityJsonContext.Default.WorkRoleGranted),
        new("roles.work_role_revoked.v1", CommunityJsonContext.Default.WorkRoleRevoked),
        new("roles.care_assigned.v1", CommunityJsonContext.Default.CareAssigned),
        new("roles.activity_organised.v1", CommunityJsonContext.Default.ActivityOrganised),

        // Activity calendar
        new("calendar.lead_flagged.v1", CommunityJsonContext.Default.LeadFlagged),
    ];
}
