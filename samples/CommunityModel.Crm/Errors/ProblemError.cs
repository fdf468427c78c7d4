namespace CommunityModel.Crm.Errors;

/// <summary>One refusal the library listed, in a problem's <c>errors</c> extension.</summary>
/// <param name="Code">The refusal's stable code.</param>
/// <param name="Message">What was not met.</param>
public sealed record ProblemError(string Code, string Message);
