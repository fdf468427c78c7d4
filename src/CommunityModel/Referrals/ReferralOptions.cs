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
}
