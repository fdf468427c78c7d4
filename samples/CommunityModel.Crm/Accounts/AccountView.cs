namespace CommunityModel.Crm.Accounts;

/// <summary>An account as answered by <c>GET /auth/me</c> and <c>POST /accounts</c>: never its hash.</summary>
/// <param name="UserName">The name.</param>
/// <param name="Role">member, staff or admin.</param>
/// <param name="MemberId">The member a member account speaks for.</param>
public sealed record AccountView(string UserName, string Role, MemberId? MemberId);
