namespace CommunityModel.Lifecycle;

/// <summary>
/// What happened to a member, as the value chain hears it. Membership events map one-to-one:
/// purchased → <see cref="BoughtMembership"/>, gift pack bought → <see cref="BoughtGiftPack"/>,
/// expired → <see cref="MembershipExpired"/>, renewed → <see cref="MembershipRenewed"/>,
/// refunded → <see cref="MembershipRefunded"/>.
/// </summary>
public enum LifecycleTrigger
{
    /// <summary>The member entered the lifecycle (only <see cref="ValueChain.Start"/> records it; never fired).</summary>
    Registered = 0,

    /// <summary>Joined a lead group (引流群): Prospect → Fan.</summary>
    JoinedLeadGroup = 1,

    /// <summary>Followed the account: Prospect → Fan.</summary>
    Followed = 2,

    /// <summary>Took a free or near-free lead product (引流产品): Prospect → Fan.</summary>
    TookLeadProduct = 3,

    /// <summary>First paid purchase: → Customer.</summary>
    MadeFirstPurchase = 4,

    /// <summary>Bought a membership (VIP or KA): → Member; a member who buys again (or upgrades) stays Member.</summary>
    BoughtMembership = 5,

    /// <summary>Bought a gift pack (大礼包) that grants membership: → Member.</summary>
    BoughtGiftPack = 6,

    /// <summary>Bought the ultra-high-ticket partner package: → Partner.</summary>
    BoughtPartnerPackage = 7,

    /// <summary>Met the partner qualification configured in <see cref="ValueChainOptions"/>: Member → Partner.</summary>
    QualifiedAsPartner = 8,

    /// <summary>The membership expired without renewal: Member → Lapsed, with a reason (a partner stays Partner).</summary>
    MembershipExpired = 9,

    /// <summary>The membership was renewed (续费): Lapsed → Member; a member or partner stays where they are.</summary>
    MembershipRenewed = 10,

    /// <summary>The membership was refunded: Member or Lapsed → Customer; carries a reason.</summary>
    MembershipRefunded = 11,

    /// <summary>A fan went quiet for the configured time: Fan → Dormant.</summary>
    WentDormant = 12,

    /// <summary>A dormant fan came back: Dormant → Fan.</summary>
    Reactivated = 13,

    /// <summary>Suspended for breaking group rules (规章制度); carries a reason.</summary>
    Suspended = 14,

    /// <summary>Reinstated after a suspension: back to the stage suspended from.</summary>
    Reinstated = 15,

    /// <summary>Removed or banned; terminal; carries a reason.</summary>
    Removed = 16,

    /// <summary>The partnership ended: Partner → Member; carries a reason.</summary>
    PartnershipEnded = 17,
}
