namespace CommunityModel.MemberNumbers;

/// <summary>
/// The member-number scheme, bound from configuration (section <c>MemberNumbers</c>) or set in code; validated
/// at start-up by <see cref="MemberNumberOptionsValidator"/>. Configured prefixes add to (or replace) the defaults.
/// </summary>
/// <example>
/// <code>
/// "MemberNumbers": { "Prefixes": { "VIP": "VIP", "KA": "KA", "Partner": "HH" }, "SequenceWidth": 6, "Separator": "-" }
/// </code>
/// </example>
public sealed class MemberNumberOptions
{
    /// <summary>
    /// The prefix of each category (a membership tier such as <c>KA</c>, or a stage such as <c>Partner</c>).
    /// Categories that share a prefix share its sequence. Default: VIP → VIP, KA → KA, Partner → P, Member → M (the community numbers holders of tiers without a prefix of their own as Member).
    /// </summary>
    public Dictionary<string, string> Prefixes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["VIP"] = "VIP",
        ["KA"] = "KA",
        ["Partner"] = "P",
        ["Member"] = "M",
    };

    /// <summary>Digits of the sequence, zero-padded (default 6: <c>KA-000123</c>); 1 to 18.</summary>
    public int SequenceWidth { get; set; } = 6;

    /// <summary>Between prefix and sequence (default <c>-</c>); may be empty; never a letter or digit.</summary>
    public string Separator { get; set; } = "-";
}
