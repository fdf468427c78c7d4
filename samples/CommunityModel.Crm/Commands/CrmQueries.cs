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

    /// <summary>What the member would pay for a tier or product today, with the member's shopping discount.</summary>
    public Task<PriceQuote> QuoteAsync(MemberId id, string item, CancellationToken cancellationToken) =>
        writer.ReadAsync(state => state.Community.Quote(id, Api.InputRules.Id(item, "item")), cancellationToken);
}
