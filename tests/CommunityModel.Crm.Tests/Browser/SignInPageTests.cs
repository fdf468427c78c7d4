using static Microsoft.Playwright.Assertions;

namespace CommunityModel.Crm.Tests.Browser;

/// <summary>Signing in and out through the page, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(Chromium chromium) : StartedCrm
{
    [Fact]
    public async Task A_wrong_password_is_refused_and_shown_and_the_right_one_signs_in_and_out()
    {
        await Crm.StaffAsync(); // the account staff-li
        await using var page = await CrmPage.OpenAsync(chromium, Crm.Address);

        await page.SignInAsync("staff-li", "wrong password!!");
        await Expect(page.Problem).ToContainTextAsync("Not signed in");
        await Expect(page.Problem).ToContainTextAsync("The name or the password is wrong.");
        await Expect(page.Field("Password")).ToBeEmptyAsync(); // a refused password is not kept in the form
        await Expect(page.Region("Find a member")).ToHaveCountAsync(0);

        await page.SignInAsync("staff-li", CrmHost.Password);
        await Expect(page.Account).ToContainTextAsync("Signed in as staff-li (staff)");
        await Expect(page.Problem).ToHaveCountAsync(0);
        await Expect(page.Region("Find a member")).ToBeVisibleAsync();
        await Expect(page.Region("Month-end")).ToHaveCountAsync(0); // an admin's part

        // The cookie outlives the page: opened again, it is still signed in.
        await page.Page.ReloadAsync();
        await Expect(page.Account).ToContainTextAsync("Signed in as staff-li (staff)");

        await page.Button("Sign out").ClickAsync();
        await Expect(page.Notice).ToHaveTextAsync("Signed out.");
        await Expect(page.Region("Sign in")).ToBeVisibleAsync();
        await Crm.Anonymous().GetAsync("/auth/me", 401);
        page.AssertNoScriptErrors();
    }
}
