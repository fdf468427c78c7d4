using System.Globalization;

namespace CommunityModel.Crm.Storage;

/// <summary>
/// Which stream each command's events go to: the stream of the decision. A command about a member (registering,
/// binding, an order, a refund, a use, a withdrawal) appends to <c>member-{id}</c> — the commission its order accrues
/// to the uplines included, since that is part of the same decision; month-end appends to <c>community</c>.
/// </summary>
internal static class Streams
{
    /// <summary>The stream of month-end runs.</summary>
    public const string Community = "community";

    /// <summary>The stream of one member's commands.</summary>
    /// <param name="member">The member in the request's path (or the one registered).</param>
    /// <returns>The stream id.</returns>
    public static string Member(MemberId member) => "member-" + member.Value.ToString(CultureInfo.InvariantCulture);
}
