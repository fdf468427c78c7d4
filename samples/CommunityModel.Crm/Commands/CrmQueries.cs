using System.Globalization;
using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;

namespace CommunityModel.Crm.Commands;

/// <summary>
/// Reads the community as of the last committed command: <see cref="Community.Member"/>, <see cref="Community.Quote"/>,
/// the orders and the ledger. Lists answer a page at a time (<see cref="PageRequest"/>).
/// </summary>
internal sealed class CrmQueries(CommunityWriter writer)
{
    /// <summary>A member's stage, sponsor, membership as of today (with entitlements) and commission balance.</summary>
    public Task<MemberView> MemberAsync(MemberId id, CancellationToken cancellationToken) => writer.ReadAsync(state => View(state, id), cancellationToken);

    /// <summary>Members in ascending id order, a page at a time.</summary>
    public Task<Page<MemberView>> MembersAsync(string? limit, string? cursor, int maxLimit, CancellationToken cancellationToken)
    {
        const string list = "members";
        var page = PageRequest.Parse(limit, cursor, list, maxLimit);
        return writer.ReadAsync(
            state =>
            {
                var ids = state.MembersAfter(page.After).Take(page.Limit + 1).ToList();
                var items = ids.Take(page.Limit).Select(id => View(state, id)).ToArray();
                return new Page<MemberView>(items, ids.Count > page.Limit ? PageRequest.Cursor(list, items[^1].Id.Value) : null);
            },
            cancellationToken);
    }

    /// <summary>A member's orders in the order they were taken, a page at a time.</summary>
    public Task<Page<PlacedOrderView>> OrdersAsync(MemberId id, string? limit, string? cursor, int maxLimit, CancellationToken cancellationToken)
    {
        var list = "orders:" + id.Value.ToString(CultureInfo.InvariantCulture);
        var page = PageRequest.Parse(limit, cursor, list, maxLimit);
        return writer.ReadAsync(
            state =>
            {
                state.Community.Member(id); // community.unknown_member (404) for a member never registered
                var orders = state.Community.OrdersOf(id);
                return Slice(orders, page, list, o => new PlacedOrderView(
                    o.OrderId, o.Member, o.Item, o.Kind, o.Paid, o.Refunded, o.PaidAt,
                    [.. state.AccruedBy(o.OrderId).Select(a => new CommissionView(a.Key.Beneficiary, a.Level, a.Key.Rule, a.Amount, a.AvailableAt))]));
            },
            cancellationToken);
    }

    /// <summary>A member's commission balance and one page of ledger lines, in the order they were accrued.</summary>
    public Task<CommissionsView> CommissionsAsync(MemberId id, string? limit, string? cursor, int maxLimit, CancellationToken cancellationToken)
    {
        var list = "commissions:" + id.Value.ToString(CultureInfo.InvariantCulture);
        var page = PageRequest.Parse(limit, cursor, list, maxLimit);
        return writer.ReadAsync(
            state =>
            {
                state.Community.Member(id); // community.unknown_member (404) for a member never registered
                var lines = Slice(state.Ledger.EntriesOf(id), page, list, e => e);
                return new CommissionsView(state.Ledger.BalanceOf(id), lines.Items, lines.Next);
            },
            cancellationToken);
    }

    /// <summary>A member's withdrawals in the order they were requested, with their status, a page at a time.</summary>
    public Task<Page<WithdrawalView>> WithdrawalsAsync(MemberId id, string? limit, string? cursor, int maxLimit, CancellationToken cancellationToken)
    {
        var list = "withdrawals:" + id.Value.ToString(CultureInfo.InvariantCulture);
        var page = PageRequest.Parse(limit, cursor, list, maxLimit);
        return writer.ReadAsync(
            state =>
            {
                state.Community.Member(id); // community.unknown_member (404) for a member never registered
                return Slice(state.WithdrawalsOf(id), page, list, w => state.Withdrawal(w)!);
            },
            cancellationToken);
    }

    /// <summary>A member's moves on the value chain, orders and withdrawals, oldest first.</summary>
    public Task<MemberHistoryView> HistoryAsync(MemberId id, CancellationToken cancellationToken) => writer.ReadAsync(
        state =>
        {
            var community = state.Community;
            community.Member(id); // community.unknown_member (404) for a member never registered
            return new MemberHistoryView(
                id,
                [.. state.Stages.Of(id).Select(StageChangeView.Of)],
                [.. community.OrdersOf(id).Select(OrderSummaryView.Of)],
                [.. state.WithdrawalsOf(id).Select(w => state.Withdrawal(w)!)]);
        },
        cancellationToken);

    /// <summary>A member's sponsor line: the sponsor, the sponsor's sponsor, ... up to a member nobody referred.</summary>
    public Task<UplineView> UplineAsync(MemberId id, CancellationToken cancellationToken) => writer.ReadAsync(
        state =>
        {
            var community = state.Community;
            community.Member(id); // community.unknown_member (404) for a member never registered
            var sponsors = new List<SponsorView>();
            for (var sponsor = community.SponsorOf(id); !sponsor.IsEmpty; sponsor = community.SponsorOf(sponsor))
            {
                sponsors.Add(new SponsorView(sponsors.Count + 1, sponsor, community.Member(sponsor).Stage)); // the network refuses cycles
            }

            return new UplineView(id, [.. sponsors]);
        },
        cancellationToken);

    /// <summary>What the member would pay for a tier or product today, with the member's shopping discount.</summary>
    public Task<PriceQuote> QuoteAsync(MemberId id, string item, CancellationToken cancellationToken) =>
        writer.ReadAsync(state => state.Community.Quote(id, InputRules.Id(item, "item")), cancellationToken);

    private static MemberView View(CommunityState state, MemberId id)
    {
        var community = state.Community;
        var member = community.Member(id);
        var sponsor = community.SponsorOf(id);

        // Bring the membership up to today for display only: the expiry events are stored by the month-end run or the next order.
        var membership = member.Membership is { } m && community.Desk is { } desk ? MembershipView.Of(desk.Refresh(m).Membership) : null;
        var lifecycle = member.Lifecycle;
        return new MemberView(id, sponsor.IsEmpty ? null : sponsor, lifecycle.Stage, lifecycle.Version, lifecycle.StageEnteredAt, membership, state.Ledger.BalanceOf(id));
    }

    // A list that only grows at its end: the position is how many items came before the page.
    private static Page<TView> Slice<TItem, TView>(IReadOnlyList<TItem> items, PageRequest page, string list, Func<TItem, TView> view)
    {
        var start = (int)Math.Min(page.After, items.Count);
        var end = (int)Math.Min((long)start + page.Limit, items.Count);
        var slice = new TView[end - start];
        for (var i = start; i < end; i++)
        {
            slice[i - start] = view(items[i]);
        }

        return new Page<TView>(slice, end < items.Count ? PageRequest.Cursor(list, end) : null);
    }
}
