using System.Collections.Immutable;

namespace CommunityModel.Metrics;

/// <summary>
/// The funnel and participation of each pond (鱼塘, seed 003): members → attendees of the pond's activities → bait buyers
/// → buyers of anything beyond the bait. A member belongs to the ponds they attended from
/// (<see cref="AttendanceRecorded.GroupId"/>); their orders are read from the purchase events, whenever placed.
/// </summary>
public static class PondMetrics
{
    /// <summary>Each pond's line, in the order given.</summary>
    /// <param name="ponds">The ponds; each once, with one or more members.</param>
    /// <param name="events">The events: attendance and purchases (products and memberships) are read, the rest skipped.</param>
    /// <param name="currency">The currency revenue is counted in.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="MetricsException">A pond without id or members, listed twice, or with more attendees than members (<see cref="ErrorCodes.MetricsInvalidPond"/>).</exception>
    /// <exception cref="CurrencyMismatchException">An order is in another currency.</exception>
    public static ImmutableArray<PondLine> Compute(IEnumerable<LeadGroup> ponds, IEnumerable<IDomainEvent> events, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(ponds);
        ArgumentNullException.ThrowIfNull(events);
        var list = ponds.ToList();
        var attendees = new Dictionary<string, HashSet<MemberId>>(StringComparer.Ordinal);
        foreach (var pond in list)
        {
            if (pond is null || string.IsNullOrWhiteSpace(pond.GroupId) || pond.Members <= 0)
            {
                throw new MetricsException(ErrorCodes.MetricsInvalidPond, $"Each pond needs an id and one or more members; got {pond?.ToString() ?? "null"}.");
            }

            if (!attendees.TryAdd(pond.GroupId, []))
            {
                throw new MetricsException(ErrorCodes.MetricsInvalidPond, $"Pond '{pond.GroupId}' is listed twice.");
            }
        }

        var orders = new Dictionary<MemberId, List<CommunityOrder>>();
        foreach (var e in events)
        {
            if (e is AttendanceRecorded a)
            {
                if (a.GroupId is not null && attendees.TryGetValue(a.GroupId, out var set))
                {
                    set.Add(a.Member);
                }
            }
            else if (MemberStream.OrderOf(e) is { } order)
            {
                if (order.Paid.Currency != currency)
                {
                    throw new CurrencyMismatchException(currency, order.Paid.Currency, "pond revenue");
                }

                (orders.TryGetValue(order.Member, out var mine) ? mine : orders[order.Member] = []).Add(order);
            }
        }

        var lines = ImmutableArray.CreateBuilder<PondLine>(list.Count);
        foreach (var pond in list)
        {
            var came = attendees[pond.GroupId];
            if (came.Count > pond.Members)
            {
                throw new MetricsException(ErrorCodes.MetricsInvalidPond, $"Pond '{pond.GroupId}' has {came.Count} attendees and only {pond.Members} members.");
            }

            long bait = 0, converted = 0, revenue = 0;
            foreach (var member in came)
            {
                var tookBait = false;
                var beyond = false;
                foreach (var order in orders.GetValueOrDefault(member) ?? [])
                {
                    if (pond.Bait is not null && string.Equals(order.ProductId, pond.Bait, StringComparison.Ordinal))
                    {
                        tookBait = true;
                    }
                    else
                    {
                        beyond = true;
                        revenue = checked(revenue + order.Paid.MinorUnits);
                    }
                }

                bait += tookBait ? 1 : 0;
                converted += beyond ? 1 : 0;
            }

            lines.Add(new PondLine(
                pond,
                came.Count,
                Rate.Of(came.Count, pond.Members),
                bait,
                converted,
                came.Count == 0 ? Rate.Zero : Rate.Of(bait, came.Count),
                came.Count == 0 ? Rate.Zero : Rate.Of(converted, came.Count),
                Money.FromMinorUnits(revenue, currency)));
        }

        return lines.MoveToImmutable();
    }
}
