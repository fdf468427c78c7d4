using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// The stored name of every event type and its generated JSON metadata. The name is the type's name
/// (<c>MembershipPurchased</c>), stable as long as the library keeps its event names; an unknown name
/// in the store stops start-up rather than silently dropping history.
/// </summary>
internal static class EventTypes
{
    private static readonly FrozenDictionary<string, JsonTypeInfo> ByName = new JsonTypeInfo[]
    {
        CrmJsonContext.Default.MemberRegistered,
        CrmJsonContext.Default.SponsorBound,
        CrmJsonContext.Default.SponsorReassigned,
        CrmJsonContext.Default.ReferralLocked,
        CrmJsonContext.Default.MemberTransitioned,
        CrmJsonContext.Default.MembershipPurchased,
        CrmJsonContext.Default.MembershipRenewed,
        CrmJsonContext.Default.MembershipUpgraded,
        CrmJsonContext.Default.UpgradeCredited,
        CrmJsonContext.Default.TierChangeScheduled,
        CrmJsonContext.Default.MembershipExpired,
        CrmJsonContext.Default.MembershipRefunded,
        CrmJsonContext.Default.PromoterRightsGranted,
        CrmJsonContext.Default.PromoterRightsRevoked,
        CrmJsonContext.Default.MembershipSuspended,
        CrmJsonContext.Default.MembershipReinstated,
        CrmJsonContext.Default.EntitlementGranted,
        CrmJsonContext.Default.EntitlementConsumed,
        CrmJsonContext.Default.EntitlementRevoked,
        CrmJsonContext.Default.EntitlementExpired,
        CrmJsonContext.Default.CommissionAccrued,
        CrmJsonContext.Default.RefundRecorded,
        CrmJsonContext.Default.CommissionReversed,
        CrmJsonContext.Default.WithdrawalRequested,
        CrmJsonContext.Default.WithdrawalPaid,
        CrmJsonContext.Default.WithdrawalRejected,
        CrmJsonContext.Default.OrderRecorded,
        CrmJsonContext.Default.OrderRefunded,
        CrmJsonContext.Default.MonthEndClosed,
    }.ToFrozenDictionary(t => t.Type.Name, StringComparer.Ordinal);

    /// <summary>The stored name and JSON metadata of an event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>Its name and metadata.</returns>
    /// <exception cref="InvalidOperationException">The event's type is not registered here.</exception>
    public static (string Name, JsonTypeInfo TypeInfo) Of(IDomainEvent domainEvent)
    {
        var name = domainEvent.GetType().Name;
        return ByName.TryGetValue(name, out var info) && info.Type == domainEvent.GetType()
            ? (name, info)
            : throw new InvalidOperationException($"{domainEvent.GetType().FullName} is not a stored event type; add it to {nameof(CrmJsonContext)} and {nameof(EventTypes)}.");
    }

    /// <summary>The JSON metadata of a stored name.</summary>
    /// <param name="name">The stored name.</param>
    /// <param name="typeInfo">The metadata, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonTypeInfo? typeInfo) => ByName.TryGetValue(name, out typeInfo);

    /// <summary>The member an event is about, for the store's <c>member</c> column (null for events about no one member).</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The member id, or null.</returns>
    public static long? MemberOf(IDomainEvent domainEvent) => domainEvent switch
    {
        Memberships.IMembershipEvent e => e.MemberId.Value,
        Lifecycle.MemberTransitioned e => e.Member.Value,
        Referrals.MemberRegistered e => e.Member.Value,
        Referrals.SponsorBound e => e.Member.Value,
        Referrals.SponsorReassigned e => e.Member.Value,
        Referrals.ReferralLocked e => e.Member.Value,
        Commissions.Ledger.CommissionAccrued e => e.Key.Beneficiary.Value,
        Commissions.Ledger.CommissionReversed e => e.Key.Beneficiary.Value,
        Commissions.Ledger.WithdrawalRequested e => e.Member.Value,
        Commissions.Ledger.WithdrawalPaid e => e.Member.Value,
        Commissions.Ledger.WithdrawalRejected e => e.Member.Value,
        Orders.OrderRecorded e => e.Member.Value,
        Orders.OrderRefunded e => e.Member.Value,
        _ => null,
    };
}
