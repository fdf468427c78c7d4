namespace CommunityModel.Commissions.Compliance;

/// <summary>One finding of the compliance linter: a stable code, a severity, what it is about, and an explanation.</summary>
/// <param name="Code">A stable code from <see cref="ComplianceCodes"/>.</param>
/// <param name="Severity">How serious it is under <paramref name="Profile"/>.</param>
/// <param name="Profile">The profile checked against.</param>
/// <param name="Subject">What the finding is about, e.g. <c>Levels</c>, <c>product starter-kit</c>, <c>member 42</c>, <c>run</c>.</param>
/// <param name="Message">The explanation, with the measured value and the profile's rule.</param>
public sealed record ComplianceFinding(string Code, ComplianceSeverity Severity, string Profile, string Subject, string Message)
{
    /// <summary>Formats as <c>CM001 Error [profile] subject: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code} {Severity} [{Profile}] {Subject}: {Message}";
}
