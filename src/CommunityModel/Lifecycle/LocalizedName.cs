namespace CommunityModel.Lifecycle;

/// <summary>A display name in English and in Chinese, e.g. <c>Member</c> / <c>会员</c>.</summary>
/// <param name="English">The English name.</param>
/// <param name="Chinese">The Simplified Chinese name.</param>
public readonly record struct LocalizedName(string English, string Chinese)
{
    /// <summary>Both names, Chinese first: <c>会员 Member</c>.</summary>
    /// <returns>The bilingual label used in the exported graphs.</returns>
    public override string ToString() => $"{Chinese} {English}";
}
