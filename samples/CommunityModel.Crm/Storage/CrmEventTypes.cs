using System.Collections.Immutable;
using CommunityModel.Persistence;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// The CRM's own facts, named like the library's (<c>&lt;area&gt;.&lt;event&gt;.v&lt;n&gt;</c>) and registered beside
/// <see cref="CommunityEventTypes.All"/> and <c>CommissionEventTypes.All</c>.
/// </summary>
internal static class CrmEventTypes
{
    /// <summary>Every event type of the CRM.</summary>
    public static ImmutableArray<EventType> All { get; } =
    [
        new("crm.month_end_started.v1", CrmJsonContext.Default.MonthEndStarted),
        new("crm.month_end_closed.v1", CrmJsonContext.Default.MonthEndClosed),
    ];
}
