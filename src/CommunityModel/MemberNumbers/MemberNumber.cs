namespace CommunityModel.MemberNumbers;

/// <summary>
/// A member number (会员编号) that signals identity and rank, e.g. <c>KA-000123</c>: a prefix per tier or
/// stage and a zero-padded sequence. Issued by <see cref="MemberNumberIssuer"/>, never twice.
/// </summary>
public readonly record struct MemberNumber
{
    private readonly string? _prefix;
    private readonly string? _text;

    internal MemberNumber(string prefix, long sequence, string text)
    {
        _prefix = prefix;
        Sequence = sequence;
        _text = text;
    }

    /// <summary>The prefix, e.g. <c>KA</c>; empty for <c>default(MemberNumber)</c>.</summary>
    public string Prefix => _prefix ?? string.Empty;

    /// <summary>The sequence within the prefix, from 1.</summary>
    public long Sequence { get; }

    /// <summary>The number as shown, e.g. <c>KA-000123</c>; empty for <c>default(MemberNumber)</c>.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>The number as shown.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
