using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Paying;

/// <summary>
/// One line a plan paid on an order line, explaining itself: the one line type of every rule kind, written alike by
/// <see cref="CommissionCalculator"/> and the month-end run and accrued as it is by the ledger. The kind's own
/// ordinal is named for what it is: <see cref="Level"/>, <see cref="Generation"/>, <see cref="RankLevel"/> or <see cref="RolePosition"/>.
/// </summary>
/// <param name="OrderLineId">The order line.</param>
/// <param name="Rule">The rule id, e.g. <c>team/differential</c>.</param>
/// <param name="Kind">The rule kind.</param>
/// <param name="Ordinal">The level (1–3) for a level line, the generation (1–3) for a peer bonus, the beneficiary's rank level for a differential, the role's position (from 1) for a role or staff line.</param>
/// <param name="Beneficiary">Who earns: a member of the network, or a role holder (who need not be one).</param>
/// <param name="Rank">The beneficiary's rank; <see langword="null"/> for none and for role holders.</param>
/// <param name="Reward">What was applied: the level's reward; for a differential the beneficiary's rate minus the rate already paid below; for a peer bonus the peer rate.</param>
/// <param name="Basis">What the rate applied to: the base, or the holder's differential for a peer bonus of it.</param>
/// <param name="Amount">What is paid, after the cap.</param>
/// <param name="UncappedAmount">What would be paid without the cap.</param>
/// <param name="Capped">Whether the per-order cap scaled this line down (then <paramref name="Amount"/> may be below <paramref name="UncappedAmount"/>, even zero).</param>
/// <param name="CompressedPast">For a level line, the ineligible uplines skipped to reach the beneficiary, nearest first; empty otherwise.</param>
/// <param name="PeerOf">For a peer bonus, the member whose rank the beneficiary matches (the split-off team's holder); <see langword="null"/> otherwise.</param>
public sealed record CommissionLine(
    string OrderLineId,
    string Rule,
    CommissionRuleKind Kind,
    int Ordinal,
    MemberId Beneficiary,
    Rank? Rank,
    LevelReward Reward,
    Money Basis,
    Money Amount,
    Money UncappedAmount,
    bool Capped,
    ImmutableArray<MemberId> CompressedPast,
    MemberId? PeerOf)
{
    // The role-only details sit behind one reference, null on member lines (most lines): a member line is 88 bytes
    // smaller than with four fields of its own, which is most of what the explained result allocates per line.
    private RoleDetail? _roleDetail;

    /// <summary>For a role or staff line, the role's name; <see langword="null"/> otherwise.</summary>
    public string? Role
    {
        get => _roleDetail?.Role;
        init => _roleDetail = RoleDetail.Of((_roleDetail ?? RoleDetail.None) with { Role = value });
    }

    /// <summary>For a banded (staff) role, the band the holder's period volume reached; <see langword="null"/> otherwise.</summary>
    public StaffBand? Band
    {
        get => _roleDetail?.Band;
        init => _roleDetail = RoleDetail.Of((_roleDetail ?? RoleDetail.None) with { Band = value });
    }

    /// <summary>For a banded (staff) role, the holder's period volume <c>V</c> in the role; <see langword="null"/> otherwise.</summary>
    public Money? PeriodVolume
    {
        get => _roleDetail?.PeriodVolume;
        init => _roleDetail = RoleDetail.Of((_roleDetail ?? RoleDetail.None) with { PeriodVolume = value });
    }

    /// <summary>
    /// For a banded (staff) role, the schedule's pay <c>T</c> on the period volume; a marginal role pays each order line
    /// <c>R(Basis × T / V)</c>, so <see cref="Reward"/> shows the effective rate <c>T / V</c>. <see langword="null"/> otherwise.
    /// </summary>
    public Money? PeriodPay
    {
        get => _roleDetail?.PeriodPay;
        init => _roleDetail = RoleDetail.Of((_roleDetail ?? RoleDetail.None) with { PeriodPay = value });
    }

    /// <summary>For a level line, where its reward came from (the plan, a product or a ladder-tier override); <see cref="RewardSource.Plan"/> for other rules.</summary>
    public RewardSource Source { get; init; } = RewardSource.Plan;

    /// <summary>For a level line, the level paid (1 for the buyer's nearest eligible upline); 0 for other kinds.</summary>
    public int Level => Kind == CommissionRuleKind.Level ? Ordinal : 0;

    /// <summary>For a peer-bonus line, the same-rank generation above the holder (1 to 3); 0 for other kinds.</summary>
    public int Generation => Kind == CommissionRuleKind.Peer ? Ordinal : 0;

    /// <summary>For a differential line, the beneficiary's rank level (1 for the lowest rank); 0 for other kinds.</summary>
    public int RankLevel => Kind == CommissionRuleKind.Differential ? Ordinal : 0;

    /// <summary>For a role or staff line, the role's position in the plan (from 1); 0 for other kinds.</summary>
    public int RolePosition => Kind is CommissionRuleKind.Role or CommissionRuleKind.Staff ? Ordinal : 0;

    /// <summary>The ledger key of this line.</summary>
    public CommissionKey Key => new(OrderLineId, Beneficiary, Rule);

    /// <summary>The details of a role or staff line; equal by value, so lines stay equal by value.</summary>
    private sealed record RoleDetail(string? Role, StaffBand? Band, Money? PeriodVolume, Money? PeriodPay)
    {
        internal static readonly RoleDetail None = new(null, null, null, null);

        // No details at all is no reference, so a member line built with or without them is the same line.
        internal static RoleDetail? Of(RoleDetail detail) => detail == None ? null : detail;
    }
}
