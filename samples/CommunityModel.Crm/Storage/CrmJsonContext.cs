using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityModel.Crm.Accounts;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.MonthEnd;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// System.Text.Json metadata generated at compile time for the CRM's own event and every request and response: no
/// reflection. The library's events are written with the library's contexts, through the <c>EventSerializer</c>.
/// <see cref="Money"/>, <see cref="Rate"/>, <see cref="Currency"/> and <see cref="MemberId"/> carry their own converters
/// (<c>{"amount":3600.00,"currency":"CNY"}</c>, <c>"10%"</c>, <c>"CNY"</c>, <c>1024</c>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]

// The CRM's own facts
[JsonSerializable(typeof(MonthEndStarted))]
[JsonSerializable(typeof(MonthEndClosed))]

// HTTP requests and responses
[JsonSerializable(typeof(RegisterMemberRequest))]
[JsonSerializable(typeof(BindSponsorRequest))]
[JsonSerializable(typeof(RecordOrderRequest))]
[JsonSerializable(typeof(DiscountedOrderRequest))]
[JsonSerializable(typeof(RecordRefundRequest))]
[JsonSerializable(typeof(WithdrawalRequest))]
[JsonSerializable(typeof(UseEntitlementRequest))]
[JsonSerializable(typeof(MembershipView))]
[JsonSerializable(typeof(MemberView))]
[JsonSerializable(typeof(CommissionsView))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(RefundView))]
[JsonSerializable(typeof(WithdrawalView))]
[JsonSerializable(typeof(MemberHistoryView))]
[JsonSerializable(typeof(UplineView))]
[JsonSerializable(typeof(PriceQuote))]
[JsonSerializable(typeof(MonthEndReport))]
[JsonSerializable(typeof(ProblemError[]))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(CreateAccountRequest))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(MonthEndRequest))]
[JsonSerializable(typeof(Page<MemberView>))]
[JsonSerializable(typeof(Page<PlacedOrderView>))]
[JsonSerializable(typeof(Page<WithdrawalView>))]
[JsonSerializable(typeof(FeedPage))]
internal sealed partial class CrmJsonContext : JsonSerializerContext;
