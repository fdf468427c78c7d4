namespace CommunityModel.Crm.Accounts;

/// <summary>A sign-in: its name (also the actor stored on every event it causes), role, member id for members, and password hash.</summary>
/// <param name="UserName">The name, e.g. <c>admin</c>, <c>staff-li</c>, <c>member-1024</c>.</param>
/// <param name="Role">One of <see cref="CrmRoles"/>.</param>
/// <param name="MemberId">The member a member account speaks for; null for staff and admins.</param>
/// <param name="PasswordHash">The <c>PasswordHasher</c> hash (PBKDF2, salted); never the password.</param>
internal sealed record Account(string UserName, string Role, MemberId? MemberId, string PasswordHash);
