using System.Globalization;
using System.Security.Claims;
using CommunityModel.Crm.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CommunityModel.Crm.Accounts;

/// <summary><c>/auth/sign-in</c>, <c>/auth/sign-out</c>, <c>/auth/me</c> and <c>POST /accounts</c> (admin).</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", async (SignInRequest body, AccountStore accounts, HttpContext http, CancellationToken ct) =>
        {
            var name = body.UserName is { Length: > 0 and <= 64 } n ? n : "";
            var account = body.Password is { Length: > 0 and <= 256 } password ? await accounts.VerifyAsync(name, password, ct) : null;
            if (account is null)
            {
                throw new CrmException(CrmErrorCodes.SignInFailed, "The name or the password is wrong.");
            }

            List<Claim> claims = [new(ClaimTypes.Name, account.UserName), new(ClaimTypes.Role, account.Role)];
            if (account.MemberId is { } member)
            {
                claims.Add(new Claim(CrmRoles.MemberIdClaim, member.Value.ToString(CultureInfo.InvariantCulture)));
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return TypedResults.Ok(new AccountView(account.UserName, account.Role, account.MemberId));
        }).AllowAnonymous();

        auth.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).AllowAnonymous();

        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new AccountView(
            Caller.Actor(user),
            user.FindFirst(ClaimTypes.Role)?.Value ?? "",
            long.TryParse(user.FindFirst(CrmRoles.MemberIdClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new MemberId(id) : null)));

        app.MapPost("/accounts", async (CreateAccountRequest body, AccountStore accounts, Commands.CrmQueries queries, CancellationToken ct) =>
        {
            MemberId? member = body.MemberId is { } m ? (m > 0 ? new MemberId(m) : throw CrmException.Invalid("memberId", "A member id is a positive integer.")) : null;
            if (member is { } known)
            {
                await queries.MemberAsync(known, ct); // community.unknown_member (404) for a member never registered
            }

            var created = await accounts.CreateAsync(body.UserName, body.Password, body.Role, member, ct);
            return TypedResults.Created($"/accounts/{created.UserName}", created);
        }).RequireAuthorization(CrmRoles.AdminPolicy).WithTags("Accounts");
    }
}
