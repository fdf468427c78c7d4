using System.Globalization;
using System.Security.Claims;
using CommunityModel.Crm.Errors;

namespace CommunityModel.Crm.Accounts;

/// <summary>The signed-in account of a request: its name (stored as the actor of its events) and what it may reach.</summary>
internal static class Caller
{
    /// <summary>The account's name, stored on every event the request causes.</summary>
    /// <param name="user">The request's user.</param>
    /// <returns>The name.</returns>
    public static string Actor(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : throw new CrmException(CrmErrorCodes.Unauthenticated, "Sign in first.");

    /// <summary>Refuses (403) a member account reaching another member; staff and admins reach everyone.</summary>
    /// <param name="user">The request's user.</param>
    /// <param name="member">The member in the path.</param>
    public static void RequireSelfOrStaff(ClaimsPrincipal user, MemberId member)
    {
        if (!user.IsInRole(CrmRoles.Staff) && !user.IsInRole(CrmRoles.Admin))
        {
            RequireSelf(user, member);
        }
    }

    /// <summary>Refuses (403) anyone but the member's own account: money leaves a balance only when its owner asks.</summary>
    /// <param name="user">The request's user.</param>
    /// <param name="member">The member in the path.</param>
    public static void RequireSelf(ClaimsPrincipal user, MemberId member)
    {
        var own = user.FindFirst(CrmRoles.MemberIdClaim)?.Value;
        if (own is null || !long.TryParse(own, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id != member.Value)
        {
            throw new CrmException(CrmErrorCodes.Forbidden, $"This account may not act for member {member}.");
        }
    }
}
