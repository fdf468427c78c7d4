namespace CommunityModel.Referrals;

/// <summary>How members are bound to sponsors. Binds from configuration (section e.g. <c>Community:Referrals</c>) or is set in code.</summary>
public sealed class ReferralOptions
{
    /// <summary>When a member may be bound to a sponsor; <see cref="ReferralBindingMode.FirstReferralAnyTime"/> by default.</summary>
    public ReferralBindingMode Mode { get; set; } = ReferralBindingMode.FirstReferralAnyTime;

    /// <summary>
    /// For <see cref="ReferralBindingMode.AtRegistrationOnly"/>: how long after registering a member may still be bound
    /// (e.g. a shared link opened during sign-up). One day by default; zero means only at registration itself.
    /// </summary>
    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Who may sponsor a binding (at registration or later); <see cref="SponsorEligibility.AnyMember"/> by default.</summary>
    public SponsorEligibility Sponsors { get; set; } = SponsorEligibility.AnyMember;

    /// <summary>
    /// 绑定有效期: how long a binding holds; <see langword="null"/> (the default) for a binding that never expires. Once a member's
    /// binding is this old (counted from the registration, binding or re-assignment that made it), it no longer holds: a new
    /// referral may bind the member to another sponsor whatever the mode keeps, even after its first commissionable order
    /// (<see cref="ReferralLocked"/>), and that binding starts a new term. Until then the sponsor stays and earns. Must be positive,
    /// and cannot be combined with <see cref="ReferralBindingMode.AtRegistrationOnly"/>, whose window closes binding for good.
    /// </summary>
    public TimeSpan? BindingValidity { get; set; }
}
