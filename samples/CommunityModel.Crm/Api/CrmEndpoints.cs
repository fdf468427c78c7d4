using CommunityModel.Crm.Commands;
using CommunityModel.Crm.Errors;

namespace CommunityModel.Crm.Api;

/// <summary>The HTTP surface. Handlers only translate: errors are thrown and mapped once, by <see cref="CommunityModelProblemHandler"/>.</summary>
internal static class CrmEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/members");

        members.MapPost("/", async (RegisterMemberRequest body, CrmCommands commands, CrmQueries queries, CancellationToken ct) =>
        {
            var id = await commands.RegisterAsync(body, ct);
            return TypedResults.Created($"/members/{id}", await queries.MemberAsync(id, ct));
        });

        members.MapGet("/{id:long}", (long id, CrmQueries queries, CancellationToken ct) => queries.MemberAsync(Member(id), ct));

        members.MapPut("/{id:long}/sponsor", async (long id, BindSponsorRequest body, CrmCommands commands, CrmQueries queries, CancellationToken ct) =>
            await queries.MemberAsync(await commands.BindSponsorAsync(Member(id), body, ct), ct));

        members.MapPost("/{id:long}/orders", (long id, RecordOrderRequest body, CrmCommands commands, CancellationToken ct) =>
            commands.RecordOrderAsync(Member(id), body, ct));

        members.MapPost("/{id:long}/orders/{orderId}/refunds", (long id, string orderId, RecordRefundRequest body, CrmCommands commands, CancellationToken ct) =>
            commands.RecordRefundAsync(Member(id), orderId, body, ct));

        members.MapPost("/{id:long}/entitlements/{productId}/uses", (long id, string productId, UseEntitlementRequest body, CrmCommands commands, CancellationToken ct) =>
            commands.UseEntitlementAsync(Member(id), productId, body, ct));

        members.MapGet("/{id:long}/quote/{item}", (long id, string item, CrmQueries queries, CancellationToken ct) => queries.QuoteAsync(Member(id), item, ct));

        members.MapGet("/{id:long}/commissions", (long id, CrmQueries queries, CancellationToken ct) => queries.CommissionsAsync(Member(id), ct));

        members.MapPost("/{id:long}/withdrawals", (long id, WithdrawalRequest body, CrmCommands commands, CancellationToken ct) =>
            commands.RequestWithdrawalAsync(Member(id), body, ct));

        app.MapPost("/month-end", (CrmCommands commands, CancellationToken ct) => commands.CloseMonthAsync(ct));
    }

    private static MemberId Member(long id) =>
        id > 0 ? new MemberId(id) : throw CrmException.Invalid("id", $"{id} is not a member id; member ids are positive integers.");
}
