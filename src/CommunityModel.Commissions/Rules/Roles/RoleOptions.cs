using CommunityModel.Commissions.Staff;

namespace CommunityModel.Commissions.Rules;

/// <summary>
/// One role of a combined plan as data (e.g. <c>division</c>, <c>agent</c>, <c>staff</c>): exactly one of a rate of
/// the base, a fixed amount per order line, or progressive bands on the holder's period volume in the role.
/// </summary>
public sealed class RoleOptions
{
    /// <summary>The role's name, unique in its plan (ordinal); the key an order names its holder by and part of the rule id.</summary>
    public string Role { get; set; } = "";

    /// <summary>A share of each order line's base, 0% to 100%; paid as <see cref="Plans.CommissionRuleKind.Role"/>.</summary>
    public Rate? Rate { get; set; }

    /// <summary>A fixed amount per order line, zero or more in the plan's currency; paid as <see cref="Plans.CommissionRuleKind.Role"/>.</summary>
    public Money? Amount { get; set; }

    /// <summary>
    /// Progressive bands on the holder's period volume in this role, lowest first, validated like a
    /// <see cref="StaffSchedule"/>; paid as <see cref="Plans.CommissionRuleKind.Staff"/>. Empty for a fixed share.
    /// </summary>
    public IList<StaffBandOptions> Bands { get; set; } = [];

    /// <summary>How <see cref="Bands"/> apply: the whole volume at the band reached, or marginally like tax brackets.</summary>
    public StaffBandMode Mode { get; set; } = StaffBandMode.WholeVolume;
}
