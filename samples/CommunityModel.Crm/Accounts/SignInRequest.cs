namespace CommunityModel.Crm.Accounts;

/// <summary><c>POST /auth/sign-in</c>: a name and password; the answer sets the sign-in cookie.</summary>
/// <param name="UserName">The account's name.</param>
/// <param name="Password">Its password.</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record SignInRequest(string? UserName, string? Password);
