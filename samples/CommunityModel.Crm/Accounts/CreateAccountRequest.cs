namespace CommunityModel.Crm.Accounts;

/// <summary><c>POST /accounts</c> (admin): a new sign-in for a member, a member of staff or another admin.</summary>
/// <param name="UserName">The name: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, 3 to 64 characters.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Role">member, staff or admin.</param>
/// <param name="MemberId">For a member account, the member it speaks for (registered already).</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateAccountRequest(string? UserName, string? Password, string? Role, long? MemberId);
