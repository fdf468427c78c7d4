using System.Globalization;
using System.Security.Claims;
using CommunityModel.Crm.Accounts;
using CommunityModel.Crm.Commands;
using CommunityModel.Crm.Errors;
using CommunityModel.Crm.Storage;
using Microsoft.Extensions.Options;

namespace CommunityModel.Crm.Api;

/// <summary>
/// The lists, a page at a time (<see cref="PageRequest"/>): members, a member's orders and withdrawals (a member's
/// commission lines are paged beside the balance, in <see cref="CrmEndpoints"/>); and the event feed downstream systems
/// read from a position (<c>GET /events</c>).
/// </summary>
internal static class ListEndpoints
{
    /// <summary>Maps the lists under <c>/members</c> and the feed.</summary>
    /// <param name="members">The <c>/members</c> group.</param>
    /// <param name="app">The application.</param>
    public static void Map(RouteGroupBuilder members, IEndpointRouteBuilder app)
    {
        members.MapGet("/", (string? limit, string? cursor, CrmQueries queries, IOptions<CrmOptions> options, CancellationToken ct) =>
            queries.MembersAsync(limit, cursor, options.Value.MaxPageSize, ct))
            .RequireAuthorization(CrmRoles.StaffPolicy);

        members.MapGet("/{id:long}/orders", (long id, string? limit, string? cursor, ClaimsPrincipal user, CrmQueries queries, IOptions<CrmOptions> options, CancellationToken ct) =>
            queries.OrdersAsync(CrmEndpoints.Self(user, id), limit, cursor, options.Value.MaxPageSize, ct));

        members.MapGet("/{id:long}/withdrawals", (long id, string? limit, string? cursor, ClaimsPrincipal user, CrmQueries queries, IOptions<CrmOptions> options, CancellationToken ct) =>
            queries.WithdrawalsAsync(CrmEndpoints.Self(user, id), limit, cursor, options.Value.MaxPageSize, ct));

        // The outbox: downstream systems read every stored event from the position they reached.
        app.MapGet("/events", async (string? after, string? limit, SqliteEventStore store, IOptions<CrmOptions> options, CancellationToken ct) =>
        {
            var from = after is null ? 0 : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position
                : throw CrmException.Invalid("after", "The query's 'after' must be a position: a whole number, 0 for the beginning.");
            var max = options.Value.MaxFeedPage;
            var size = limit is null ? Math.Min(100, max) : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n
                : throw CrmException.Invalid("limit", $"The query's 'limit' must be a whole number from 1 to {max}.");
            var events = await store.ReadFeedAsync(from, size, ct);
            return new FeedPage(events, events.Length > 0 ? events[^1].Position : from);
        }).RequireAuthorization(CrmRoles.StaffPolicy).WithTags("Events");
    }
}
