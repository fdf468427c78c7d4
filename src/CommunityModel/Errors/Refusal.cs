namespace CommunityModel;

/// <summary>
/// One reason an operation was refused, the same shape in every part of the library: a stable code to map, a
/// message naming the value that was wrong, and the argument or command field that held it when there is one.
/// </summary>
/// <param name="Code">A stable code from <see cref="ErrorCodes"/> (or the commissions package's codes), e.g. <c>membership.unknown_tier</c>.</param>
/// <param name="Message">What was wrong, in words, naming the value.</param>
/// <param name="Field">The argument or command field that was wrong (e.g. <c>tierId</c>, <c>amount</c>), when one was.</param>
public sealed record Refusal(string Code, string Message, string? Field = null)
{
    /// <summary>Formats as the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
