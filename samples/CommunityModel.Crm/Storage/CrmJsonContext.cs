using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.MonthEnd;
using CommunityModel.Crm.Orders;
using CommunityModel.Lifecycle;
using CommunityModel.Memberships;
using CommunityModel.Referrals;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// System.Text.Json metadata generated at compile time for every stored event and every request and
/// response: no reflection. <see cref="Money"/>, <see cref="Rate"/>, <see cref="Currency"/> and <see cref="MemberId"/>
/// carry their own converters (<c>{"amount":3600.00,"currency":"CNY"}</c>, <c>"10%"</c>, <c>"CNY"</c>, <c>1024</c>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]

// Referrals
[JsonSerializable(typeof(MemberRegistered))]
[JsonSerializable(typeof(SponsorBound))]
[JsonSerializable(typeof(SponsorReassigned))]
[JsonSerializable(typeof(ReferralLocked))]

// Lifecycle
[JsonSerializable(typeof(MemberTransitioned))]

// Memberships
[JsonSerializable(typeof(MembershipPurchased))]
[JsonSerializable(typeof(MembershipRenewed))]
[JsonSerializable(typeof(MembershipUpgraded))]
[JsonSerializable(typeof(UpgradeCredited))]
[JsonSerializable(typeof(TierChangeScheduled))]
[JsonSerializable(typeof(MembershipExpired))]
[JsonSerializable(typeof(MembershipRefunded))]
[JsonSerializable(typeof(PromoterRightsGranted))]
[JsonSerializable(typeof(PromoterRightsRevoked))]
[JsonSerializable(typeof(MembershipSuspended))]
[JsonSerializable(typeof(MembershipReinstated))]
[JsonSerializable(typeof(EntitlementGranted))]
[JsonSerializable(typeof(EntitlementConsumed))]
[JsonSerializable(typeof(EntitlementRevoked))]
[JsonSerializable(typeof(EntitlementExpired))]

// Commission ledger
[JsonSerializable(typeof(CommissionAccrued))]
[JsonSerializable(typeof(RefundRecorded))]
[JsonSerializable(typeof(CommissionReversed))]
[JsonSerializable(typeof(WithdrawalRequested))]
[JsonSerializable(typeof(WithdrawalPaid))]
[JsonSerializable(typeof(WithdrawalRejected))]

// The CRM's own facts
[JsonSerializable(typeof(OrderRecorded))]
[JsonSerializable(typeof(OrderRefunded))]
[JsonSerializable(typeof(RefundShare))]
[JsonSerializable(typeof(MonthEndClosed))]

// HTTP requests and responses
[JsonSerializable(typeof(RegisterMemberRequest))]
[JsonSerializable(typeof(BindSponsorRequest))]
[JsonSerializable(typeof(RecordOrderRequest))]
[JsonSerializable(typeof(RecordRefundRequest))]
[JsonSerializable(typeof(WithdrawalRequest))]
[JsonSerializable(typeof(UseEntitlementRequest))]
[JsonSerializable(typeof(MembershipView))]
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(CommissionsView))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(RefundView))]
[JsonSerializable(typeof(WithdrawalView))]
[JsonSerializable(typeof(MonthEndReport))]
[JsonSerializable(typeof(ProblemError[]))]
internal sealed partial class CrmJsonContext : JsonSerializerContext;
