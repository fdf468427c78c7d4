using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;

namespace CommunityModel.Crm.Commands;

/// <summary>Reads the community as of the last committed command: <see cref="Community.Member"/>, <see cref="Community.Quote"/> and the ledger.</summary>
internal sealed class CrmQueries(CommunityWriter writer)
{
    /// <summary>A member's stage, sponsor, membership as of today (with entitlements) and commission balance.</summary>
    public Task<MemberView> MemberAsync(MemberId id, CancellationToken cancellationToken) => writer.ReadAsync(
        state =>
        {
            var community = state.Community;
            var member = community.Member(id);
            var sponsor = community.SponsorOf(id);

            // Bring the membership up to today for display only: the expiry events are stored by the month-end run or the next order.
            var membership = member.Membership is { } m && community.Desk is { } desk ? MembershipView.Of(desk.Refresh(m).Membership) : null;
            var lifecycle = member.Lifecycle;
            return new MemberView(id, sponsor.IsEmpty ? null : sponsor, lifecycle.Stage, lifecycle.Version, lifecycle.StageEnteredAt, membership, state.Ledger.BalanceOf(id));
        },
        cancellationToken);

    /// <summary>A member's commission balance and ledger lines.</summary>
    public Task<CommissionsView> CommissionsAsync(MemberId id, CancellationToken cancellationToken) => writer.ReadAsync(
        state =>
        {
            state.Community.Member(id); // community.unknown_member (404) for a member never registered
            return new CommissionsView(state.Ledger.BalanceOf(id), [.. state.Ledger.EntriesOf(id)]);
        },
        cancellationToken);

    /// <summary>A member's moves on the value chain, orders and withdrawals, oldest first.</summary>
    public Task<MemberHistoryView> HistoryAsync(MemberId id, CancellationToken cancellationToken) => writer.ReadAsync(
        state =>
        {
            var community = state.Community;
            community.Member(id); // community.unknown_member (404) for a member never registered
            var history = state.History;
            return new MemberHistoryView(
                id,
                [.. history.StagesOf(id).Select(StageChangeView.Of)],
                [.. community.OrdersOf(id).Select(OrderSummaryView.Of)],
                [.. history.WithdrawalsOf(id).Select(w => WithdrawalStatusView.Of(w, history.SettlementOf(w.WithdrawalId)))]);
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
        writer.ReadAsync(state => state.Community.Quote(id, Api.InputRules.Id(item, "item")), cancellationToken);
}
