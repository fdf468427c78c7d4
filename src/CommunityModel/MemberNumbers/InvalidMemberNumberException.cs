namespace CommunityModel.MemberNumbers;

/// <summary>
/// A member number's text, or a category, does not fit the configured scheme (unknown prefix or category,
/// wrong separator, wrong width, not digits). Code <see cref="ErrorCodes.MemberNumberInvalid"/>.
/// </summary>
public sealed class InvalidMemberNumberException : CommunityModelException
{
    /// <summary>Creates the error naming the text and what was wrong.</summary>
    /// <param name="text">The offending text or category.</param>
    /// <param name="problem">What was wrong.</param>
    public InvalidMemberNumberException(string text, string problem)
        : base(ErrorCodes.MemberNumberInvalid, $"'{text}' does not fit the member-number scheme: {problem}.")
    {
        Text = text;
    }

    /// <summary>The offending text or category.</summary>
    public string Text { get; }
}
