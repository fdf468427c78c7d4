using System.Collections.Immutable;
using CommunityModel.Commissions.Ledger;
using CommunityModel.Commissions.Paying;
using CommunityModel.Referrals;

namespace CommunityModel.Orleans.Events;

/// <summary>Everything a member grain rebuilds from its stream, as a record to store at a stream version.</summary>
/// <param name="Registered">Whether the member registered.</param>
/// <param name="Sponsor">Its sponsor; <c>default</c> for none.</param>
/// <param name="RegisteredAt">When it registered.</param>
/// <param name="BoundAt">When its current binding was made.</param>
/// <param name="Locked">Whether a first commissionable order fixed its sponsor.</param>
/// <param name="Status">Its earner status.</param>
/// <param name="Bindings">Its binding history, oldest first.</param>
/// <param name="Ledger">Its commission account: the member's own subset of the commission ledger.</param>
/// <param name="Reversals">The reversals applied, as <c>key#refund</c>, so a reversal delivered twice applies once.</param>
public sealed record MemberGrainSnapshot(
    bool Registered,
    MemberId Sponsor,
    DateTimeOffset RegisteredAt,
    DateTimeOffset BoundAt,
    bool Locked,
    EarnerStatus Status,
    ImmutableArray<SponsorChange> Bindings,
    LedgerSnapshot Ledger,
    ImmutableArray<string> Reversals)
{
    /// <summary>The member as its stream decided it (value chain, membership, number, promoter status); <see langword="null"/> before registration.</summary>
    public CommunityMemberSnapshot? Member { get; init; }

    /// <summary>The member's orders, in the order taken.</summary>
    public ImmutableArray<CommunityOrder> Orders { get; init; } = [];

    /// <summary>The member's refunds, in order.</summary>
    public ImmutableArray<CommunityRefund> Refunds { get; init; } = [];

    /// <summary>Every follow-up the member's stream recorded, in order.</summary>
    public ImmutableArray<MemberFollowUp> FollowUps { get; init; } = [];

    /// <summary>How many of <see cref="FollowUps"/> were delivered.</summary>
    public int Delivered { get; init; }

    /// <summary>The referrals' first memberships recorded on this sponsor's stream, as <c>referral#order</c>.</summary>
    public ImmutableArray<string> Referrals { get; init; } = [];
}
