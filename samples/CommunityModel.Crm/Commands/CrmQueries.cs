using CommunityModel.Crm.Api;
using CommunityModel.Crm.State;
using CommunityModel.Memberships;

namespace CommunityModel.Crm.Commands;

/// <summary>Reads the community as of the last committed command; never waits for a command under way.</summary>
internal sealed class CrmQueries(CommunityWriter writer, MembershipDesk desk)
{
    /// <summary>A member's stage, sponsor, membership as of today (with entitlements) and commission balance.</summary>
    public MemberView Member(MemberId id)
    {
        var community = writer.Current;
        var lifecycle = community.Require(id);
        var sponsor = community.Network.SponsorOf(id);

        // Bring the membership up to today for display only: the expiry events are stored by the month-end run or the next command.
        var membership = community.Memberships.TryGetValue(id, out var m) ? MembershipView.Of(desk.Refresh(m).Membership) : null;
        return new MemberView(id, sponsor.IsEmpty ? null : sponsor, lifecycle.Stage, lifecycle.Version, lifecycle.StageEnteredAt, membership, community.Ledger.BalanceOf(id));
    }

    /// <summary>A member's commission balance and ledger lines.</summary>
    public CommissionsView Commissions(MemberId id)
    {
        var community = writer.Current;
        community.Require(id);
        return new CommissionsView(community.Ledger.BalanceOf(id), [.. community.Ledger.EntriesOf(id)]);
    }
}
