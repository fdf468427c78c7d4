namespace CommunityModel.Memberships;

/// <summary>One reason an operation on a membership was refused.</summary>
/// <param name="Code">The stable error code, one of <see cref="ErrorCodes"/>.</param>
/// <param name="Message">What was wrong, in words.</param>
public sealed record Refusal(string Code, string Message);
