namespace CommunityModel.MemberNumbers;

/// <summary>
/// A member number (会员编号) that signals identity and rank, e.g. <c>KA-000123</c>: a prefix per tier or
/// stage and a zero-padded sequence. Issued by <see cref="MemberNumberIssuer"/>, never twice.
/// </summary>
public readonly record struct MemberNumber
{
    internal MemberNumber(string prefix, long sequence, string text)
    {
        Prefix = prefix;
        Sequence = sequence;
        Text = text;
    }

    /// <summary>The prefix, e.g. <c>KA</c>.</summary>
    public string Prefix { get; }

    /// <summary>The sequence within the prefix, from 1.</summary>
    public long Sequence { get; }

    /// <summary>The number as shown, e.g. <c>KA-000123</c>.</summary>
    public string Text { get; }

    /// <summary>The number as shown.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text ?? string.Empty;
}
