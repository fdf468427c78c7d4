namespace CommunityModel.Organisation;

/// <summary>Checks <see cref="OrganisationOptions"/>, naming every problem by its setting.</summary>
internal static class OrganisationOptionsValidator
{
    /// <summary>Every problem with the options; empty when they are usable.</summary>
    public static List<string> Problems(OrganisationOptions options)
    {
        var problems = new List<string>();
        if (options.ElectionQuorum < Rate.Zero || options.ElectionQuorum > Rate.FromPercent(100))
        {
            problems.Add($"Organisation:ElectionQuorum is {options.ElectionQuorum}; it must be between 0% and 100%.");
        }

        if (!Enum.IsDefined(options.TieRule))
        {
            problems.Add($"Organisation:TieRule is {options.TieRule}; it must be {string.Join(" or ", Enum.GetNames<ElectionTieRule>())}.");
        }

        if (options.MonitorTermDays < 0)
        {
            problems.Add($"Organisation:MonitorTermDays is {options.MonitorTermDays}; it must be 0 (no term) or more.");
        }

        if (options.RegistrationNotice < TimeSpan.Zero)
        {
            problems.Add($"Organisation:RegistrationNotice is {options.RegistrationNotice}; it must not be negative.");
        }

        if (options.BannedTopics is null || options.BannedTopics.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Organisation:BannedTopics must be a list of words, none of them empty.");
        }

        return problems;
    }
}
