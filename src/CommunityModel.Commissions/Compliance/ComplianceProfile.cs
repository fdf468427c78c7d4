namespace CommunityModel.Commissions.Compliance;

/// <summary>
/// A set of rules to check commission plans and runs against, as data: built-in ones are in
/// <see cref="ComplianceProfiles"/>; integrators add their own (in code or from configuration).
/// A profile encodes a reading of rules to report against; it is not legal advice.
/// </summary>
public sealed record ComplianceProfile
{
    /// <summary>The profile's name, e.g. <c>china-direct-selling</c>; required.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the profile encodes and where the rules come from.</summary>
    public string Description { get; init; } = "";

    /// <summary>The most levels a plan may pay; <see langword="null"/> for no limit.</summary>
    public int? MaxLevels { get; init; }

    /// <summary>The most an earner may be paid relative to its own sales (and a run relative to all sales); <see langword="null"/> for no cap.</summary>
    public Rate? PayoutCap { get; init; }

    /// <summary>Whether paying commission on the purchase that is the price of joining (拉人头) is forbidden.</summary>
    public bool ForbidsRecruitmentPay { get; init; }

    /// <summary>Whether requiring a purchase to join (入门费) is forbidden.</summary>
    public bool ForbidsEntryFee { get; init; }

    /// <summary>Whether paying uplines on their downline's sales (团队计酬, any level beyond the first) is forbidden.</summary>
    public bool ForbidsTeamCompensation { get; init; }

    /// <summary>
    /// With <see cref="ThresholdLevels"/>, the criminal threshold an organisation must not reach
    /// (<see cref="ComplianceCodes.OrganisationThreshold"/>): this many participants or more, the organiser included
    /// (30 in the 2013 opinion). <see langword="null"/> for no threshold; set both or neither.
    /// </summary>
    public int? ThresholdParticipants { get; init; }

    /// <summary>
    /// With <see cref="ThresholdParticipants"/>, the criminal threshold an organisation must not reach: this many levels or
    /// more, counting the organiser as level 1 (3 in the 2013 opinion). <see langword="null"/> for no threshold.
    /// </summary>
    public int? ThresholdLevels { get; init; }

    /// <summary>The severity of a breach of this profile's rules; <see cref="ComplianceSeverity.Error"/> by default.</summary>
    public ComplianceSeverity Severity { get; init; } = ComplianceSeverity.Error;
}
