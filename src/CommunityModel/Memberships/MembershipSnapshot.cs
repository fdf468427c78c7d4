using System.Collections.Immutable;

namespace CommunityModel.Memberships;

/// <summary>
/// Everything replaying a member's membership events builds, as a record to store (<see cref="Membership.ToSnapshot"/>);
/// <see cref="Membership.Restore"/> gives back a membership equal to the replayed one, so only the events after the
/// snapshot need replaying.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="TierId">The tier of the latest paid term.</param>
/// <param name="Status">Active, expired or refunded.</param>
/// <param name="Terms">The paid terms of the current run of membership, oldest first.</param>
/// <param name="Entitlements">The entitlement ledger: every grant not yet expired or revoked, in grant order.</param>
/// <param name="Uses">Every entitlement use by its idempotency key, in the order made.</param>
/// <param name="PaidThrough">The first day no longer paid for.</param>
/// <param name="Credit">Credit left over from an upgrade.</param>
/// <param name="TotalPaid">All cash paid.</param>
/// <param name="TotalRefunded">All cash refunded.</param>
/// <param name="ScheduledTierId">The tier of the next renewal after a downgrade, or null.</param>
/// <param name="IsPromoter">Whether the member holds promoter rights.</param>
/// <param name="ShoppingDiscount">The promoter's shopping discount; zero when not a promoter.</param>
/// <param name="IsSuspended">Whether the member is suspended.</param>
/// <param name="PromoterRightsPaid">What the promoter rights bought on top of a tier cost; zero when none were bought.</param>
/// <param name="PromoterRightsPaidAt">When the promoter rights were bought; <c>default</c> when none were bought.</param>
public sealed record MembershipSnapshot(
    MemberId MemberId,
    string TierId,
    MembershipStatus Status,
    ImmutableArray<PaidTerm> Terms,
    ImmutableArray<EntitlementLot> Entitlements,
    ImmutableArray<EntitlementUse> Uses,
    DateOnly PaidThrough,
    Money Credit,
    Money TotalPaid,
    Money TotalRefunded,
    string? ScheduledTierId,
    bool IsPromoter,
    Rate ShoppingDiscount,
    bool IsSuspended,
    Money PromoterRightsPaid,
    DateTimeOffset PromoterRightsPaidAt);
