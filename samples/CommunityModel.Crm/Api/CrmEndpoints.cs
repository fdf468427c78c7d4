using System.Security.Claims;
using CommunityModel.Crm.Accounts;
using CommunityModel.Crm.Commands;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.MonthEnd;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CommunityModel.Crm.Api;

/// <summary>
/// The HTTP surface. Handlers only translate: errors are thrown and mapped once, by <see cref="CommunityModelProblemHandler"/>.
/// Every endpoint needs a signed-in account (401 otherwise); the role policies answer 403 before a handler runs, and a
/// member account reaches only its own member (<see cref="Caller"/>), also before anything is decided.
/// </summary>
internal static class CrmEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/members").WithTags("Members");

        members.MapPost("/", async Task<Results<Created<MemberView>, Ok<MemberView>>> (RegisterMemberRequest body, ClaimsPrincipal user, CrmCommands commands, CrmQueries queries, CancellationToken ct) =>
        {
            var (id, replayed) = await commands.RegisterAsync(Caller.Actor(user), body, ct);
            var member = await queries.MemberAsync(id, ct);
            return replayed ? TypedResults.Ok(member) : TypedResults.Created($"/members/{id}", member); // a retried registration: 200, the same member
        }).RequireAuthorization(CrmRoles.StaffPolicy);

        members.MapGet("/{id:long}", (long id, ClaimsPrincipal user, CrmQueries queries, CancellationToken ct) =>
            queries.MemberAsync(Self(user, id), ct));

        members.MapPut("/{id:long}/sponsor", async (long id, BindSponsorRequest body, ClaimsPrincipal user, CrmCommands commands, CrmQueries queries, CancellationToken ct) =>
            await queries.MemberAsync(await commands.BindSponsorAsync(Caller.Actor(user), Member(id), body, ct), ct))
            .RequireAuthorization(CrmRoles.AdminPolicy);

        members.MapPost("/{id:long}/orders", (long id, RecordOrderRequest body, ClaimsPrincipal user, CrmCommands commands, CancellationToken ct) =>
            commands.RecordOrderAsync(Caller.Actor(user), Member(id), body, ct))
            .RequireAuthorization(CrmRoles.StaffPolicy);

        members.MapPost("/{id:long}/discounted-orders", (long id, DiscountedOrderRequest body, ClaimsPrincipal user, CrmCommands commands, CancellationToken ct) =>
            commands.RecordDiscountedOrderAsync(Caller.Actor(user), Member(id), body, ct))
            .RequireAuthorization(CrmRoles.StaffPolicy);

        members.MapPost("/{id:long}/orders/{orderId}/refunds", (long id, string orderId, RecordRefundRequest body, ClaimsPrincipal user, CrmCommands commands, CancellationToken ct) =>
            commands.RecordRefundAsync(Caller.Actor(user), Member(id), orderId, body, ct))
            .RequireAuthorization(CrmRoles.StaffPolicy);

        members.MapPost("/{id:long}/entitlements/{productId}/uses", (long id, string productId, UseEntitlementRequest body, ClaimsPrincipal user, CrmCommands commands, CancellationToken ct) =>
            commands.UseEntitlementAsync(Caller.Actor(user), Member(id), productId, body, ct))
            .RequireAuthorization(CrmRoles.StaffPolicy);

        members.MapGet("/{id:long}/quote/{item}", (long id, string item, ClaimsPrincipal user, CrmQueries queries, CancellationToken ct) =>
            queries.QuoteAsync(Self(user, id), item, ct));

        members.MapGet("/{id:long}/commissions", (long id, string? limit, string? cursor, ClaimsPrincipal user, CrmQueries queries, IOptions<CrmOptions> options, CancellationToken ct) =>
            queries.CommissionsAsync(Self(user, id), limit, cursor, options.Value.MaxPageSize, ct));

        members.MapGet("/{id:long}/history", (long id, ClaimsPrincipal user, CrmQueries queries, CancellationToken ct) =>
            queries.HistoryAsync(Self(user, id), ct));

        members.MapGet("/{id:long}/upline", (long id, ClaimsPrincipal user, CrmQueries queries, CancellationToken ct) =>
            queries.UplineAsync(Self(user, id), ct));

        // Money leaves a balance only when its owner asks: staff and admins cannot withdraw for a member.
        members.MapPost("/{id:long}/withdrawals", (long id, WithdrawalRequest body, ClaimsPrincipal user, CrmCommands commands, CancellationToken ct) =>
        {
            var member = Member(id);
            Caller.RequireSelf(user, member);
            return commands.RequestWithdrawalAsync(Caller.Actor(user), member, body, ct);
        });

        // The body is read here rather than bound: both its fields are optional, and an empty body closes the current month.
        app.MapPost("/month-end", async (HttpRequest request, ClaimsPrincipal user, MonthEndProcess monthEnd, CancellationToken ct) =>
            await monthEnd.RunAsync(Caller.Actor(user), await MonthEndRequest.ReadAsync(request, ct), ct))
            .AddOpenApiOperationTransformer(DescribeMonthEndBody) // the body is read by MonthEndRequest.ReadAsync, so that a non-JSON one is a 415 crm.json_required
            .RequireAuthorization(CrmRoles.AdminPolicy).WithTags("Month-end");

        ListEndpoints.Map(members, app);
    }

    // Describes month-end's optional JSON body, which the endpoint reads itself: Accepts<T> would let routing refuse other
    // content types before the CRM's own 415 problem.
    private static async Task DescribeMonthEndBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(MonthEndRequest), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Description = "The period to run (default: last month) and the payout expected; an empty body runs last month.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    /// <summary>The member in the path, for a read: a member account reaches only its own (403 otherwise).</summary>
    /// <param name="user">The request's user.</param>
    /// <param name="id">The id in the path.</param>
    /// <returns>The member.</returns>
    internal static MemberId Self(ClaimsPrincipal user, long id)
    {
        var member = Member(id);
        Caller.RequireSelfOrStaff(user, member);
        return member;
    }

    private static MemberId Member(long id) =>
        id > 0 ? new MemberId(id) : throw CrmException.Invalid("id", $"{id} is not a member id; member ids are positive integers.");
}
