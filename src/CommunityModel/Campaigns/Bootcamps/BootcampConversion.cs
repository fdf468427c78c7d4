using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>
/// What a bootcamp converted (转化): the enrolled members who bought anything else in the community within the conversion
/// window after the end, over the members enrolled.
/// </summary>
/// <param name="Enrolled">The members enrolled.</param>
/// <param name="Converted">The enrolled members who bought within the window, in the order they enrolled.</param>
/// <param name="WindowEndsAt">When the window ends (inclusive); a conversion measured before then can still grow.</param>
public sealed record BootcampConversion(int Enrolled, ImmutableArray<MemberId> Converted, DateTimeOffset WindowEndsAt)
{
    /// <summary>The conversion rate: converted ÷ enrolled; zero with no one enrolled.</summary>
    public Rate Rate => Enrolled == 0 ? Rate.Zero : Rate.Of(Converted.Length, Enrolled);
}
