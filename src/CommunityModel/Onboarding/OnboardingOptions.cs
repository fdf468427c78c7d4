namespace CommunityModel.Onboarding;

/// <summary>
/// How onboarding is run, bound from configuration (section <c>Onboarding</c>) or set in code; validated at
/// start-up by <see cref="OnboardingOptionsValidator"/>.
/// </summary>
/// <example>
/// <code>
/// "Onboarding": { "NicknamePattern": "^[^-]+-[^-]+-[^-]+$", "NicknameFormat": "城市-行业-姓名", "StallAfterHours": 48 }
/// </code>
/// </example>
public sealed class OnboardingOptions
{
    /// <summary>The nickname a self-introduction must use, as a regular expression (default: three parts joined by '-').</summary>
    public string NicknamePattern { get; set; } = "^[^-\\s]+-[^-\\s]+-[^-\\s]+$";

    /// <summary>The nickname format in words, shown in the guard's description (default <c>城市-行业-姓名</c>).</summary>
    public string NicknameFormat { get; set; } = "城市-行业-姓名";

    /// <summary>The staff a dedicated service group must include (default: sales, customer service, supervisor, executive).</summary>
    public StaffRoles RequiredServiceGroupRoles { get; set; } = StaffRoles.All;

    /// <summary>Hours at one step after which a member counts as stalled (default 48).</summary>
    public int StallAfterHours { get; set; } = 48;
}
