namespace CommunityModel.Orleans.Members;

/// <summary>Member ids as grains carry them: a <see langword="long"/>, 0 for none.</summary>
internal static class MemberKey
{
    /// <summary>The member id, or <c>default</c> for 0.</summary>
    public static MemberId Of(long id) => id == 0 ? default : new MemberId(id);
}
